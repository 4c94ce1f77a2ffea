from django.urls import path

from reviews.views import workspace

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
]
