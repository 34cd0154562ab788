"""External file formats: spreadsheets (openpyxl, calamine) and PDF documents (reportlab)."""
