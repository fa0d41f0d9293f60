from django.urls import path

from .views import dashboard, labels, listings, orders, public, staff

app_name = "sellers"

# The seller dashboard and the application form, under /shop/seller/.
urlpatterns = [
    path("apply/", public.ApplyView.as_view(), name="apply"),
    path("apply/done/", public.ApplyDoneView.as_view(), name="apply-done"),
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("products/", dashboard.ProductListView.as_view(), name="product-list"),
    path("products/new/", dashboard.ProductCreateView.as_view(), name="product-create"),
    path("products/<int:pk>/", dashboard.ProductUpdateView.as_view(), name="product-update"),
    path("products/<int:pk>/images/", dashboard.ProductImageUploadView.as_view(), name="product-image-add"),
    path(
        "products/<int:pk>/images/<int:image_pk>/delete/",
        dashboard.ProductImageDeleteView.as_view(),
        name="product-image-delete",
    ),
    path("products/<int:pk>/certificate/", dashboard.CertificateSubmitView.as_view(), name="certificate-submit"),
    path("san-xuat/", dashboard.ProducerListView.as_view(), name="producer-list"),  # producers whose goods it lists
    path("san-xuat/moi/", dashboard.ProducerFormView.as_view(), name="producer-create"),
    path("san-xuat/<int:producer_pk>/", dashboard.ProducerFormView.as_view(), name="producer-update"),
    path("nhan-ocop/", labels.LabelSheetView.as_view(), name="labels"),  # printable OCOP labels
    path("nhan-ocop/<int:pk>/", labels.LabelSheetView.as_view(), name="labels-product"),
    path("products/import/", listings.ListingImportView.as_view(), name="listing-import"),
    path("products/import/confirm/", listings.ListingImportConfirmView.as_view(), name="listing-import-confirm"),
    path("products/import/cancel/", listings.ListingImportCancelView.as_view(), name="listing-import-cancel"),
    path("products/export.csv", listings.ListingExportView.as_view(), name="listing-export"),
    path("orders/", orders.OrderListView.as_view(), name="order-list"),
    path("orders/<int:part_pk>/", orders.OrderDetailView.as_view(), name="order-detail"),
    path("orders/<int:part_pk>/action/", orders.OrderActionView.as_view(), name="order-action"),
    path("sales/", orders.SalesView.as_view(), name="sales"),
    path("statements/<int:year>/<int:month>/", orders.StatementView.as_view(), name="statement"),
    path("statements/<int:year>/<int:month>/csv/", orders.StatementCsvView.as_view(), name="statement-csv"),
]

# Programme staff, under /shop/dashboard/sellers/ beside Oscar's dashboard.
staff_urlpatterns = (
    [
        path("applications/", staff.ApplicationListView.as_view(), name="application-list"),
        path("applications/<int:pk>/", staff.ApplicationDetailView.as_view(), name="application-detail"),
        path("applications/<int:pk>/decide/", staff.ApplicationDecideView.as_view(), name="application-decide"),
        path("documents/<int:pk>/", staff.DocumentDownloadView.as_view(), name="document-download"),
        path("", staff.SellerListView.as_view(), name="seller-list"),
        path("<int:pk>/", staff.SellerDetailView.as_view(), name="seller-detail"),
        path("<int:pk>/status/", staff.SellerStatusView.as_view(), name="seller-status"),
        path("<int:pk>/commission/", staff.SellerCommissionView.as_view(), name="seller-commission"),
        path("<int:pk>/statement/", staff.SellerStatementView.as_view(), name="seller-statement"),
        path("<int:pk>/statement/csv/", staff.SellerStatementCsvView.as_view(), name="seller-statement-csv"),
        path("<int:pk>/payout/", staff.PayoutRecordView.as_view(), name="payout-record"),
        path("parts/<int:part_pk>/refund/", staff.PartRefundView.as_view(), name="part-refund"),
        path("listings/", staff.ListingReviewListView.as_view(), name="listing-review-list"),
        path("listings/<int:pk>/review/", staff.ListingReviewView.as_view(), name="listing-review"),
        path("certificates/", staff.CertificateReviewListView.as_view(), name="certificate-list"),
        path("certificates/<int:pk>/review/", staff.CertificateReviewView.as_view(), name="certificate-review"),
        path("certificates/<int:pk>/revoke/", staff.CertificateRevokeView.as_view(), name="certificate-revoke"),
    ],
    "sellers-staff",
)
