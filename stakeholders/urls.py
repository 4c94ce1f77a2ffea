from django.urls import path

from stakeholders.views import inputs, join, moderation, quotes

app_name = "stakeholders"

urlpatterns = [
    path("join/", join.join, name="join"),
    path("join/thanks/", join.join_done, name="join_done"),
    path("inputs/", inputs.my_inputs, name="inputs"),
    path("inputs/new/<slug:slug>/", inputs.input_new, name="input_new"),
    path("inputs/<uuid:uid>/", inputs.input_detail, name="input"),
    path("inputs/<uuid:uid>/save/", inputs.input_save, name="input_save"),
    path("inputs/<uuid:uid>/submit/", inputs.input_submit, name="input_submit"),
    path("inputs/<uuid:uid>/documents/", inputs.input_document_add, name="input_document_add"),
    path("inputs/<uuid:uid>/documents/<uuid:document_uid>/", inputs.input_document, name="input_document"),
    path("inputs/<uuid:uid>/messages/", inputs.input_message, name="input_message"),
    path("inputs/<uuid:uid>/accept/", moderation.input_accept, name="input_accept"),
    path("inputs/<uuid:uid>/decline/", moderation.input_decline, name="input_decline"),
    path("inputs/<uuid:uid>/translation/", moderation.input_translation, name="input_translation"),
    path("moderation/", moderation.moderation, name="moderation"),
    path("compilation/<slug:slug>/", moderation.compilation, name="compilation"),
    path("organisations/", moderation.organisations, name="organisations"),
    path("organisations/<uuid:uid>/<str:action>/", moderation.organisation_decide, name="organisation_decide"),
    path("synthesis/<slug:slug>/<uuid:uid>/", quotes.quotes, name="quotes"),
    path("synthesis/<slug:slug>/<uuid:uid>/<uuid:input_uid>/", quotes.quote_choose, name="quote_choose"),
    path("synthesis/<slug:slug>/<uuid:uid>/<uuid:input_uid>/remove/", quotes.quote_remove, name="quote_remove"),
]
