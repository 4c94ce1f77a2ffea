# Arabic formats as the region's UN documents write them: day month year, Arabic
# separators for thousands (٬) and decimals (٫). Month names come from Django's catalogue.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DECIMAL_SEPARATOR = "٫"
THOUSAND_SEPARATOR = "٬"
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 6
