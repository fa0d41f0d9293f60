import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ocop_catalog.models import Commune
from sellers.services import SellerData, application_approve, application_submit

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def seller_data(**overrides) -> SellerData:
    values = {
        "kind": "cooperative", "name": "Hợp tác xã Chè Tân Cương", "tax_code": "4600123456", "representative": "Nguyễn Văn An",
        "phone": "0912 345 678", "email": "htx.tancuong@example.vn", "commune": Commune.objects.get(code="00004"),
        "bank_name": "Agribank", "bank_account_number": "1234567890123", "bank_account_holder": "HTX Chè Tân Cương",
    }  # fmt: skip
    values.update(overrides)
    return SellerData(**values)


def pdf_upload(name="chung-nhan.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def make_seller(localities):
    counter = iter(range(1, 1000))

    def make(**overrides):
        number = next(counter)
        data = seller_data(
            name=overrides.pop("name", f"Hợp tác xã số {number}"),
            tax_code=overrides.pop("tax_code", f"46001234{number:02d}"),
            email=overrides.pop("email", f"seller{number}@example.vn"),
            **overrides,
        )
        application = application_submit(data=data)
        return application_approve(application=application)

    return make
