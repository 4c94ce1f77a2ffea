from django.urls import path

from reviews.views import regional
from reviews.views.workspace import autosave, pages, rows, team
from reviews.views import synthesis
from reviews.views import exports as export_views
from reviews.views import compilation
from reviews.views import reports as report_views
from reviews.views import search as search_views
from reviews.views import word_downloads
from reviews.views.workspace import word_import
from reviews.views.workspace import compare

app_name = "reviews"

urlpatterns = [
    path("open/<slug:slug>/", pages.review_open, name="open"),
    path("<uuid:uid>/", pages.overview, name="overview"),
    path("<uuid:uid>/parts/<int:number>/", pages.part, name="part"),
    path("<uuid:uid>/objectives/", pages.objectives, name="objectives"),
    path("<uuid:uid>/objectives/<int:number>/", pages.objective, name="objective"),
    path("<uuid:uid>/objectives/<int:number>/details/", rows.objective_details, name="objective_details"),
    path("<uuid:uid>/answers/<uuid:prompt_uid>/", autosave.answer_save, name="answer_save"),
    path("<uuid:uid>/rows/<slug:kind>/new/", rows.row_save, name="row_create"),
    path("<uuid:uid>/rows/<slug:kind>/<uuid:row_uid>/", rows.row_save, name="row_save"),
    path("<uuid:uid>/rows/<slug:kind>/<uuid:row_uid>/delete/", rows.row_delete, name="row_delete"),
    path("<uuid:uid>/plan/", rows.plan_save, name="plan_save"),
    path("<uuid:uid>/team/", team.team, name="team"),
    path("<uuid:uid>/documents/", team.attachments, name="attachments"),
    path("<uuid:uid>/documents/<uuid:attachment_uid>/", team.attachment_download, name="attachment"),
    path("<uuid:uid>/submit/", team.submit, name="submit"),
    path("<uuid:uid>/preview/", pages.preview, name="preview"),
    path("<uuid:uid>/transition/<slug:action>/", regional.transition, name="transition"),
    path("<uuid:uid>/comments/", regional.comment_add, name="comment_add"),
    path("<uuid:uid>/comments/<uuid:comment_uid>/resolve/", regional.comment_resolve, name="comment_resolve"),
    path("<uuid:uid>/versions/", regional.versions, name="versions"),
    path("<uuid:uid>/history/", regional.history, name="history"),
    path("cycles/<slug:slug>/dashboard/", regional.dashboard, name="dashboard"),
    path("cycles/<slug:slug>/translations/", regional.translations, name="translations"),
    path("translations/<uuid:answer_uid>/", regional.translation_save, name="translation_save"),
    path("notifications/", regional.notifications, name="notifications"),
    path("search/", search_views.search_page, name="search"),
]

urlpatterns += [
    path("cycles/<slug:slug>/exports/", export_views.exports, name="exports"),
    path("cycles/<slug:slug>/exports/download/", export_views.export_download, name="export_download"),
]

urlpatterns += [
    path("cycles/<slug:slug>/matrix/", compilation.matrix, name="matrix"),
    path("cycles/<slug:slug>/compilations/", compilation.compilations, name="compilations"),
    path("cycles/<slug:slug>/practices/", compilation.practices, name="practices"),
    path("practices/<uuid:uid>/", compilation.practice, name="practice"),
    path("cycles/<slug:slug>/figures/", compilation.figures, name="figures"),
]

urlpatterns += [
    path("cycles/<slug:slug>/synthesis/", synthesis.overview, name="synthesis"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/", synthesis.chapter, name="synthesis_chapter"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/text/", synthesis.text_save, name="synthesis_text_save"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/verify/", synthesis.verify, name="synthesis_verify"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/cite/", synthesis.cite, name="synthesis_cite"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/citations/<uuid:citation_uid>/remove/", synthesis.citation_remove,
         name="synthesis_citation_remove"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/feature/", synthesis.feature, name="synthesis_feature"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/practices/", synthesis.practices, name="synthesis_practices"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/preview/", synthesis.preview, name="synthesis_preview"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/messages/add/", synthesis.key_message_add,
         name="synthesis_key_message_add"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/messages/<uuid:message_uid>/", synthesis.key_message_save,
         name="synthesis_key_message_save"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/messages/<uuid:message_uid>/move/", synthesis.key_message_move,
         name="synthesis_key_message_move"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/messages/<uuid:message_uid>/delete/", synthesis.key_message_delete,
         name="synthesis_key_message_delete"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/objectives/<int:number>/highlights/", synthesis.highlights,
         name="synthesis_highlights"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/objectives/<int:number>/highlights/<uuid:review_uid>/",
         synthesis.highlight, name="synthesis_highlight"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/objectives/<int:number>/highlights/<uuid:review_uid>/choose/",
         synthesis.highlight_choose, name="synthesis_highlight_choose"),
    path("cycles/<slug:slug>/synthesis/<uuid:uid>/objectives/<int:number>/highlights/<uuid:review_uid>/reset/",
         synthesis.highlight_reset, name="synthesis_highlight_reset"),
]

urlpatterns += [
    path("reports/", report_views.reports_current, name="reports_current"),
    path("cycles/<slug:slug>/reports/", report_views.reports, name="reports"),
    path("<uuid:uid>/pdf/", report_views.review_pdf, name="review_pdf"),
    path("reports/<uuid:report_uid>/", report_views.report, name="report"),
    path("reports/<uuid:report_uid>/status/", report_views.report_status, name="report_status"),
    path("reports/<uuid:report_uid>/download/", report_views.report_download, name="report_download"),
    path("cycles/<slug:slug>/downloads/", report_views.downloads, name="downloads"),
]

urlpatterns += [
    path("cycles/<slug:slug>/template.docx", word_downloads.template_download, name="template_docx"),
    path("<uuid:uid>/review.docx", word_downloads.review_download, name="review_docx"),
    path("cycles/<slug:slug>/report.docx", word_downloads.report_download, name="report_docx"),
    path("<uuid:uid>/word/", word_import.word_import, name="word_import"),
    path("<uuid:uid>/word/<uuid:import_uid>/", word_import.word_import_preview, name="word_import_preview"),
    path("<uuid:uid>/word/<uuid:import_uid>/apply/", word_import.word_import_apply, name="word_import_apply"),
]

urlpatterns += [
    path("<uuid:uid>/compare/", compare.comparison, name="comparison"),
    path("<uuid:uid>/compare/<int:number>/", compare.objective_comparison, name="objective_comparison"),
    path("<uuid:uid>/answers/<uuid:answer_uid>/confirm/", compare.carried_over_confirm, name="carried_over_confirm"),
]
