"""VietQR bank-transfer codes: the payload (vietnam-qr-pay, MIT) and its picture (segno, BSD)."""

from decimal import Decimal

import segno
from django.conf import settings
from vietnam_qr_pay import QRPay

from ocop_catalog.money import whole_dong


def transfer_note(order_number: str) -> str:
    """The transfer note staff reconcile against: plain ASCII, as banks keep it."""
    return f"OCOP {order_number}"


def vietqr_payload(*, amount: Decimal, order_number: str) -> str:
    """The EMVCo VietQR string for a transfer of exactly `amount` đồng to the shop's account."""
    dong = whole_dong(amount)  # raises NotWholeDong for a fraction of a đồng
    if dong <= 0:
        raise ValueError("VietQR amounts are positive whole đồng")
    qr = QRPay.init_viet_qr(
        bank_bin=settings.VIETQR_BANK_BIN,
        bank_number=settings.VIETQR_ACCOUNT_NUMBER,
        amount=str(dong),
        purpose=transfer_note(order_number),
    )
    return qr.build()


def qr_svg(payload: str) -> str:
    """An inline <svg> of the code, drawn on the server (no script, no third-party image service)."""
    # A viewBox and no fixed size: the page's CSS sizes it; white quiet zone for any background.
    return segno.make(payload, error="m", micro=False).svg_inline(border=4, dark="#000", light="#fff", omitsize=True)
