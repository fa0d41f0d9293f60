"""The dashboard's table as CSV or XLSX: the same rows in the same order and the same columns as on screen, each
figure as the number behind it (380000 for "380.000 ₫", 66.7 for "66,7 %", empty for "—"); the pilot comparison
follows the table (CSV) or has its own sheet (XLSX), and the XLSX keeps each column's definition."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .presenters import columns, comparison_columns, raw

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {"vnd": '#,##0 "₫"', "percent": "0.0", "hours": "0.0", "average": "0.00", "count": "#,##0"}


def _safe(text):
    """A cell a spreadsheet would run as a formula starts with a quote instead."""
    return "'" + text if isinstance(text, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def table(*, data, rows) -> list[list]:
    """Header, one line per row on screen, then the total: the screen's table as values."""
    header = [_("Area")] + [str(column.label) for column in columns()]
    lines = [header]
    for row in [*rows, data.total]:
        lines.append([_safe(row.name)] + [raw(cell.unit, cell.value) for cell in row.cells()])
    return lines


def comparison_table(*, data) -> list[list]:
    if not data.comparisons:
        return []
    lines = [[_("Group (figures per commune)")] + [str(column.label) for column in comparison_columns()]]
    for group in data.comparisons:
        lines.append([str(group.label)] + [raw(cell.unit, cell.value) for cell in group.cells()])
    return lines


def response(kind: str, *, data, rows, period, filename: str) -> HttpResponse:
    name = f"{filename}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{kind}"
    lines, comparison = table(data=data, rows=rows), comparison_table(data=data)
    if kind == "csv":
        result = HttpResponse(content_type="text/csv; charset=utf-8")
        result.write("\ufeff")  # Excel opens UTF-8 with a BOM in Vietnamese
        writer = csv.writer(result)
        writer.writerows(lines)
        if comparison:
            writer.writerow([])
            writer.writerows(comparison)
    else:
        result = HttpResponse(_xlsx(lines, comparison), content_type=XLSX_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{name}"'
    return result


def _xlsx(lines, comparison) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheets = [(book.active, _("Indicators"), lines, columns())]
    if comparison:
        sheets.append((book.create_sheet(), _("Pilots against others"), comparison, comparison_columns()))
    for sheet, title, rows, cols in sheets:
        sheet.title = title[:31]
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for index, column in enumerate(cols, start=2):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = NUMBER_FORMATS.get(column.unit, "General")
        sheet.freeze_panes = "B2"
    definitions = book.create_sheet(_("Definitions")[:31])
    for column in columns():
        definitions.append([str(column.label), str(column.definition)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
