from django.urls import path

from . import views

app_name = "payments"

# Staff actions, under /shop/dashboard/payments/ beside Oscar's dashboard.
urlpatterns = [
    path("orders/<str:number>/", views.OrderPaymentActionView.as_view(), name="order-action"),
]
