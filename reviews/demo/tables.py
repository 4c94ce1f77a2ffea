"""The rows of the demo reviews' tables (entities, consultations, policies, planned actions, indicators), as
(English, Arabic) pairs with {placeholders} filled in by reviews/demo/build.py. Data only."""

from reviews.demo.content import LABOUR, INTERIOR, FOREIGN, STATISTICS
from reviews.models import Consultation, GovernmentEntity, Policy

ENTITIES = [  # (name, role, level)
    (LABOUR, ("Chairs the drafting team; objectives 5, 6 and 18", "تترأس فريق الصياغة؛ الأهداف 5 و6 و18"),
     GovernmentEntity.Level.NATIONAL),
    (INTERIOR, ("Border management, documentation and return", "إدارة الحدود والوثائق والعودة"),
     GovernmentEntity.Level.NATIONAL),
    (FOREIGN, ("Consular protection and international cooperation", "الحماية القنصلية والتعاون الدولي"),
     GovernmentEntity.Level.NATIONAL),
    (STATISTICS, ("Data and indicators", "البيانات والمؤشرات"), GovernmentEntity.Level.NATIONAL),
    (("Capital Governorate", "محافظة العاصمة"), ("Local services and inclusion", "الخدمات المحلية والإدماج"),
     GovernmentEntity.Level.LOCAL),
]
CONSULTATIONS = [  # (days after the cycle opened, format, categories, participants, summary, as answer 1.3 names it)
    (9, Consultation.Format.MEETING, ["civil-society", "migrant-diaspora", "academia"], 45,
     ("Workshop on the draft of parts 1 to 3; participants asked for clearer complaint channels.",
      "ورشة عمل حول مسودة الأجزاء من الأول إلى الثالث؛ طالب المشاركون بقنوات شكاوى أوضح."),
     ("a workshop with civil society, migrant associations and academia",
      "ورشة عمل مع منظمات المجتمع المدني وجمعيات المهاجرين والأوساط الأكاديمية")),
    (16, Consultation.Format.SURVEY, ["migrants", "women-children-youth"], 380,
     ("Online survey in Arabic and English on access to services.",
      "استبيان إلكتروني بالعربية والإنكليزية حول الوصول إلى الخدمات."),
     ("an online survey open to migrants in Arabic and English",
      "استبيان إلكتروني متاح للمهاجرين بالعربية والإنكليزية")),
    (30, Consultation.Format.WRITTEN, ["trade-unions", "private-sector"], 12,
     ("Written comments on recruitment fees and bilateral labour agreements.",
      "تعليقات مكتوبة حول رسوم التوظيف واتفاقات العمل الثنائية."),
     ("written contributions from trade unions and employers",
      "مساهمات مكتوبة من النقابات وأصحاب العمل")),
    (38, Consultation.Format.MEETING, ["local-authorities", "faith-based", "red-cross-crescent"], 28,
     ("Meeting with governorates and humanitarian partners on services for migrants in border areas.",
      "اجتماع مع المحافظات والشركاء الإنسانيين حول الخدمات المقدَّمة للمهاجرين في المناطق الحدودية."),
     ("a meeting with governorates and humanitarian partners",
      "اجتماع مع المحافظات والشركاء الإنسانيين")),
    (44, Consultation.Format.ONLINE, ["migrant-diaspora", "migrants"], 150,
     ("Online consultation with diaspora associations on remittances and investment.",
      "مشاورة إلكترونية مع جمعيات المغتربين حول التحويلات والاستثمار."),
     ("an online consultation with diaspora associations",
      "مشاورة إلكترونية مع جمعيات المغتربين")),
    (52, Consultation.Format.MEETING, ["nhri", "parliamentarians", "media"], 22,
     ("Hearing with the national human rights institution and members of parliament on the draft review.",
      "جلسة استماع مع المؤسسة الوطنية لحقوق الإنسان وأعضاء في البرلمان حول مسودة الاستعراض."),
     ("a hearing with the national human rights institution and members of parliament",
      "جلسة استماع مع المؤسسة الوطنية لحقوق الإنسان وأعضاء في البرلمان")),
]
CONSULTATION_COUNTS = {
    1: ("One consultation was held", "عُقدت مشاورة واحدة"), 2: ("Two consultations were held", "عُقدت مشاورتان"),
    3: ("Three consultations were held", "عُقدت ثلاث مشاورات"),
    4: ("Four consultations were held", "عُقدت أربع مشاورات"),
    5: ("Five consultations were held", "عُقدت خمس مشاورات"), 6: ("Six consultations were held", "عُقدت ست مشاورات"),
}


# Answer 1.3 when the review's consultation table is empty.
NO_CONSULTATION = (
    "No national consultation could be held for this review: the drafting team relied on the written inputs of the "
    "ministries, and plans consultations for the next cycle.",
    "تعذّر عقد مشاورات وطنية لهذا الاستعراض، فاعتمد فريق الصياغة على المساهمات المكتوبة من الوزارات، ويعتزم عقد "
    "مشاورات في الدورة المقبلة.",
)
CONSULTATIONS_SUMMARY = (
    "{held}: {named}. Their main points are summarised in the consultation table and reflected in the answers on "
    "the objectives.",
    "{held}: {named}. ويرد ملخص أبرز ما طُرح فيها في جدول المشاورات، وقد انعكس في الإجابات المتعلقة بالأهداف.",
)


POLICIES = [  # (title, kind, year, status, objectives)
    (("{strategy} National Labour Mobility Strategy 2025–2030",
      "استراتيجية «{strategy}» الوطنية لتنقّل اليد العاملة 2025–2030"),
     Policy.Kind.STRATEGY, 2025, Policy.Status.ADOPTED, [5, 6, 18]),
    (("Decree on the protection of domestic workers", "مرسوم بشأن حماية العمال المنزليين"),
     Policy.Kind.REGULATION, 2023, Policy.Status.ADOPTED, [6, 7, 22]),
    (("Amendment to the law on combating trafficking in persons", "تعديل قانون مكافحة الاتجار بالأشخاص"),
     Policy.Kind.LAW, 2025, Policy.Status.DRAFT, [9, 10]),
    (("National strategy on border management and irregular migration 2019–2023",
      "الاستراتيجية الوطنية لإدارة الحدود والهجرة غير النظامية 2019–2023"),
     Policy.Kind.STRATEGY, 2019, Policy.Status.ADOPTED, [9, 11, 21]),
    (("Regulation of the wage protection system", "نظام حماية الأجور"),
     Policy.Kind.REGULATION, 2020, Policy.Status.ADOPTED, [6, 20, 22]),
    (("National policy on diaspora engagement", "السياسة الوطنية لإشراك المغتربين"),
     Policy.Kind.POLICY, 2021, Policy.Status.ADOPTED, [19, 20]),
    (("Framework for bilateral labour mobility agreements", "الإطار الناظم لاتفاقات تنقّل اليد العاملة الثنائية"),
     Policy.Kind.AGREEMENT, 2022, Policy.Status.ADOPTED, [5, 6, 23]),
    (("Law on the recognition of skills and qualifications", "قانون الاعتراف بالمهارات والمؤهلات"),
     Policy.Kind.LAW, 2024, Policy.Status.UNDER_REVISION, [18]),
]
PLANNED_ACTIONS = [  # (part, action, objectives, lead entity, timeframe, support needed)
    (4, ("Create a budget line for GCM implementation in each lead ministry",
         "إنشاء بند في الموازنة لتنفيذ الاتفاق العالمي في كل وزارة قائدة"),
     [23], ("Ministry of Finance", "وزارة المالية"), "2027–2028",
     ("Technical help to cost the national plan", "مساعدة فنية لتقدير تكلفة الخطة الوطنية")),
    # Objectives and lead entity None: the country's lead objective and the entity that leads it.
    (5, ("Extend the {programme} programme to every governorate", "توسيع برنامج «{programme}» ليشمل جميع المحافظات"),
     None, None, "2027–2029",
     ("Co-financing from the Migration Multi-Partner Trust Fund",
      "تمويل مشترك من الصندوق الاستئماني المتعدد الشركاء للهجرة")),
    (5, ("Publish a yearly migration data report", "نشر تقرير سنوي عن بيانات الهجرة"),
     [1], STATISTICS, "2028",
     ("Training on disaggregation by migratory status", "تدريب على تصنيف البيانات حسب وضع الهجرة")),
]
INDICATOR_SERVED = ("People served by {programme}", "عدد المستفيدين من «{programme}»")
INDICATOR_TRAINED = ("Front-line staff trained", "عدد العاملين المدرَّبين في الخطوط الأمامية")
INDICATOR_RECORDS = ("Administrative records of the {lead}", "السجلات الإدارية لدى {lead}")
