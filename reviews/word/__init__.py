"""Word in, Word out: the guiding template as a .docx (template.py), a filled one read back
(reader.py, after the file checks of checks.py) and planned and applied through the services
(importing.py, import_writes.py), and a country's review written as a .docx (export.py).

python-docx writes and reads the documents; the few properties it lacks (right-to-left paragraphs
and tables, the complex-script font) are set in layout.py.
"""
