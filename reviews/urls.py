from django.urls import path

from reviews.views import regional, workspace

app_name = "reviews"

urlpatterns = [
    path("open/<slug:slug>/", workspace.review_open, name="open"),
    path("<uuid:uid>/", workspace.overview, name="overview"),
    path("<uuid:uid>/parts/<int:number>/", workspace.part, name="part"),
    path("<uuid:uid>/objectives/", workspace.objectives, name="objectives"),
    path("<uuid:uid>/objectives/<int:number>/", workspace.objective, name="objective"),
    path("<uuid:uid>/objectives/<int:number>/details/", workspace.objective_details, name="objective_details"),
    path("<uuid:uid>/answers/<uuid:prompt_uid>/", workspace.answer_save, name="answer_save"),
    path("<uuid:uid>/rows/<slug:kind>/new/", workspace.row_save, name="row_create"),
    path("<uuid:uid>/rows/<slug:kind>/<uuid:row_uid>/", workspace.row_save, name="row_save"),
    path("<uuid:uid>/rows/<slug:kind>/<uuid:row_uid>/delete/", workspace.row_delete, name="row_delete"),
    path("<uuid:uid>/plan/", workspace.plan_save, name="plan_save"),
    path("<uuid:uid>/team/", workspace.team, name="team"),
    path("<uuid:uid>/documents/", workspace.attachments, name="attachments"),
    path("<uuid:uid>/documents/<uuid:attachment_uid>/", workspace.attachment_download, name="attachment"),
    path("<uuid:uid>/submit/", workspace.submit, name="submit"),
    path("<uuid:uid>/preview/", workspace.preview, name="preview"),
    path("<uuid:uid>/transition/<slug:action>/", regional.transition, name="transition"),
    path("<uuid:uid>/comments/", regional.comment_add, name="comment_add"),
    path("<uuid:uid>/comments/<uuid:comment_uid>/resolve/", regional.comment_resolve, name="comment_resolve"),
    path("<uuid:uid>/versions/", regional.versions, name="versions"),
    path("<uuid:uid>/history/", regional.history, name="history"),
    path("cycles/<slug:slug>/dashboard/", regional.dashboard, name="dashboard"),
    path("cycles/<slug:slug>/translations/", regional.translations, name="translations"),
    path("translations/<uuid:answer_uid>/", regional.translation_save, name="translation_save"),
    path("notifications/", regional.notifications, name="notifications"),
]
