from django.urls import path

from .review import common, commune, council

app_name = "evaluation-review"

# Commune officers and council members at work, under /ocop/tham-dinh/ (evaluation.review: who may enter;
# every id is looked up within the signed-in user's communes or councils).
urlpatterns = [
    path("", common.ReviewHomeView.as_view(), name="home"),
    # The commune's check.
    path("xa/", commune.CommuneInboxView.as_view(), name="commune-inbox"),
    path("xa/ho-so/<int:pk>/", commune.CommuneDossierView.as_view(), name="commune-dossier"),
    path("xa/ho-so/<int:pk>/tai-lieu/<int:document_pk>/", commune.CommuneDocumentView.as_view(), name="commune-document"),
    path("xa/ho-so/<int:pk>/tiep-nhan/", commune.CommuneAcceptView.as_view(), name="commune-accept"),
    path("xa/ho-so/<int:pk>/tra-lai/", commune.CommuneReturnView.as_view(), name="commune-return"),
    # The councils: province (3★/4★) and central (5★).
    path("hoi-dong/", council.CouncilInboxView.as_view(), name="council-inbox"),
    path("hoi-dong/ho-so/<int:pk>/", council.CouncilDossierView.as_view(), name="council-dossier"),
    path("hoi-dong/ho-so/<int:pk>/tai-lieu/<int:document_pk>/", council.CouncilDocumentView.as_view(), name="council-document"),
    path("hoi-dong/ho-so/<int:pk>/mo-vong-cham/", council.RoundOpenView.as_view(), name="round-open"),
    path("hoi-dong/ho-so/<int:pk>/cap-chung-nhan/", council.CertifyView.as_view(), name="certify"),
    path("hoi-dong/ho-so/<int:pk>/gui-trung-uong/", council.SendToCentralView.as_view(), name="send-to-central"),
    path("hoi-dong/ho-so/<int:pk>/ket-luan/", council.ConcludeView.as_view(), name="conclude"),
    path("hoi-dong/ho-so/<int:pk>/cong-nhan-5-sao/", council.RecogniseView.as_view(), name="recognise"),
    path("hoi-dong/ho-so/<int:pk>/tra-ket-qua-4-sao/", council.ReturnFourStarView.as_view(), name="return-four-star"),
    path("hoi-dong/vong-cham/<int:round_pk>/", council.RoundView.as_view(), name="round"),
    path("hoi-dong/vong-cham/<int:round_pk>/dong/", council.RoundCloseView.as_view(), name="round-close"),
    path("hoi-dong/vong-cham/<int:round_pk>/phieu/<int:card_pk>/", council.ScorecardView.as_view(), name="scorecard"),
    path("hoi-dong/vong-cham/<int:round_pk>/diem.csv", council.RoundCsvView.as_view(), name="round-csv"),
]
