"""The demo's content: the texts the demo reviews are written from (what each review holds is in plans.py;
the rows of its tables are in tables.py; the regional synthesis's texts are in synthesis_text.py).

Everything is invented, and the first answer of each review says so. Texts are (English, Arabic) pairs
with {placeholders} filled in per country and objective by reviews/demo/build.py. They are data, not
interface strings: they are not translated through gettext.
"""

from datetime import date

from reviews.models import PlanStatus

CURRENT_CYCLE = {
    "slug": "arab-2028",
    "name_ar": "الاستعراض الإقليمي الثالث للاتفاق العالمي في المنطقة العربية (2028)",
    "name_en": "Third regional review of the GCM in the Arab region (2028)",
    "opens": date(2026, 10, 1),
    "submission_deadline": date(2027, 9, 30),
    "conference": date(2028, 2, 15),
}

# Texts: (English, Arabic) per question code, with {placeholders} filled in per country and objective.

PROGRAMMES = [
    ("Jusur", "جسور"), ("Sanad", "سند"), ("Tawasul", "تواصل"), ("Manara", "منارة"), ("Rafid", "رافد"),
    ("Wifaq", "وفاق"), ("Amal", "أمل"), ("Nabta", "نبتة"), ("Masar", "مسار"), ("Ufuq", "أفق"),
    ("Dalil", "دليل"), ("Bawsala", "بوصلة"), ("Ghaith", "غيث"), ("Nakhla", "نخلة"), ("Marsa", "مرسى"),
    ("Qantara", "قنطرة"), ("Rihla", "رحلة"), ("Sidra", "سدرة"), ("Yanbu", "ينبوع"), ("Zad", "زاد"),
    ("Hisn", "حصن"), ("Mizan", "ميزان"), ("Najm", "نجم"), ("Diyafa", "ضيافة"),
]

LABOUR = ("Ministry of Labour", "وزارة العمل")
INTERIOR = ("Ministry of Interior", "وزارة الداخلية")
FOREIGN = ("Ministry of Foreign Affairs", "وزارة الخارجية")
SOCIAL = ("Ministry of Social Affairs", "وزارة الشؤون الاجتماعية")
STATISTICS = ("National Statistics Office", "الجهاز الوطني للإحصاء")
LEADS = {
    1: STATISTICS, 2: ("Ministry of Planning", "وزارة التخطيط"), 3: FOREIGN,
    4: ("Civil Status Department", "دائرة الأحوال المدنية"), 5: LABOUR, 6: LABOUR, 7: SOCIAL,
    8: ("Civil Defence Directorate", "المديرية العامة للدفاع المدني"), 9: INTERIOR,
    10: ("National Committee to Combat Trafficking in Persons", "اللجنة الوطنية لمكافحة الاتجار بالأشخاص"),
    11: ("Border Police Directorate", "مديرية شرطة الحدود"), 12: INTERIOR, 13: ("Ministry of Justice", "وزارة العدل"),
    14: FOREIGN, 15: ("Ministry of Health", "وزارة الصحة"), 16: SOCIAL,
    17: ("National Human Rights Council", "المجلس الوطني لحقوق الإنسان"),
    18: ("Vocational Training Authority", "هيئة التدريب المهني والتقني"),
    19: ("Ministry of Expatriate Affairs", "وزارة شؤون المغتربين"), 20: ("Central Bank", "البنك المركزي"),
    21: INTERIOR, 22: ("Social Security Institution", "مؤسسة الضمان الاجتماعي"), 23: FOREIGN,
}
SDG_TARGETS = {
    1: ["17.18"], 2: ["10.7"], 3: ["10.7"], 4: ["16.9"], 5: ["10.7"], 6: ["8.8", "8.7"], 7: ["5.2", "10.7"],
    8: ["10.7"], 9: ["16.2"], 10: ["8.7", "5.2", "16.2"], 11: ["10.7"], 12: ["16.2"], 13: ["10.7"], 14: ["10.7"],
    15: ["3.c"], 16: ["10.7"], 17: ["10.7"], 18: ["4.b"], 19: ["17.3"], 20: ["10.c"], 21: ["10.7"], 22: ["8.8"],
    23: ["17.3", "10.7"],
}
PRINCIPLES = ["rule-of-law", "sustainable-development", "gender-responsive", "child-sensitive",
              "whole-of-government", "whole-of-society", "international-cooperation", "national-sovereignty"]
PARTNERS = ["migrants", "faith-based", "local-authorities", "private-sector", "trade-unions", "parliamentarians",
            "nhri", "red-cross-crescent", "academia", "media", "women-children-youth"]
SUGGESTED_VALUES = {  # code: (2019, 2025)
    "10.7.1": (25, 15), "10.7.2": (3, 5), "10.7.3": (140, 95), "10.7.4": (0.8, 0.6), "10.c.1": (7.5, 5.2),
    "17.3.2": (3.1, 3.8), "8.8.1": (4.2, 3.1), "8.8.2": (3.9, 3.2), "16.2.2": (1.8, 2.3), "16.9.1": (92, 97),
    "17.18.1": (52, 66),
}
PRACTICE_NAMES = [("mobile service unit", "الوحدة المتنقلة"), ("one-stop platform", "المنصة الموحّدة")]

PLAN_SENTENCES = {
    PlanStatus.ADOPTED: ("A national implementation plan was adopted in 2024 and is reviewed every year.",
                         "وقد اعتُمدت خطة تنفيذ وطنية عام 2024 تُراجَع سنوياً."),
    PlanStatus.IN_PREPARATION: ("A national implementation plan is being prepared with the UN Network on Migration.",
                                "ويجري إعداد خطة تنفيذ وطنية بالتعاون مع شبكة الأمم المتحدة المعنية بالهجرة."),
    PlanStatus.INTEGRATED: ("GCM commitments are part of the national development plan rather than a separate plan.",
                            "وقد أُدرجت التزامات الاتفاق العالمي في خطة التنمية الوطنية بدلاً من خطة مستقلة."),
    PlanStatus.NONE: ("There is no national implementation plan yet.", "لا توجد خطة تنفيذ وطنية بعد."),
    "": ("", ""),
}

PART_TEXTS = {
    "1.1": (
        "This review is fictional demo content, written to show how the portal works: every name, programme and "
        "figure in it is invented. In this imagined account, the National Committee for Migration Coordination of "
        "{country} led the preparation under the ministry in charge of migration. A drafting team of {team} "
        "officials met every month after the cycle opened, collected the ministries' inputs in this portal and "
        "presented the draft to a national validation workshop.",
        "هذا الاستعراض محتوى تجريبي خيالي أُعدّ لعرض طريقة عمل البوابة، وكل ما فيه من أسماء وبرامج وأرقام مُختلَق. "
        "وفي هذه الرواية المتخيَّلة، تولّت اللجنة الوطنية لتنسيق شؤون الهجرة في {country} قيادة الإعداد تحت إشراف "
        "الوزارة المعنية بالهجرة. واجتمع فريق صياغة يضم {team} مسؤولاً كل شهر منذ افتتاح الدورة، وجمع مساهمات "
        "الوزارات عبر هذه البوابة، ثم عرض المسودة على ورشة عمل وطنية للمصادقة عليها.",
    ),
    "1.2": (
        "In all, {ministries} national bodies contributed, led by the ministries of labour, interior and foreign "
        "affairs together with the national statistics office. Governorates and municipalities "
        "sent written inputs, and each ministry named a contributor who drafted its sections directly in the "
        "portal.",
        "أسهمت في الاستعراض {ministries} جهة وطنية بقيادة وزارات العمل والداخلية والخارجية إلى "
        "جانب الجهاز الوطني للإحصاء. وأرسلت المحافظات والبلديات مساهمات مكتوبة، وسمّت كل وزارة مساهماً تولّى صياغة "
        "الأقسام الخاصة بها مباشرة في البوابة.",
    ),
    # Written from the review's own consultation table (build._consultations_text): the two always agree.
    "1.3": ("{consultations}", "{consultations}"),
    "1.4": (
        "The review draws on the 2024 labour force survey, administrative records of the ministries of labour and "
        "interior, and programme monitoring data. Gaps remain on return migration, on migrants in an irregular "
        "situation and on remittances sent through informal channels.",
        "يستند الاستعراض إلى مسح القوى العاملة لعام 2024، والسجلات الإدارية لوزارتَي العمل والداخلية، وبيانات "
        "متابعة البرامج. وتبقى ثمة فجوات في البيانات المتعلقة بالهجرة العائدة، والمهاجرين في وضع غير نظامي، "
        "والتحويلات المُرسَلة عبر قنوات غير رسمية.",
    ),
    "1.5": (
        "Collecting comparable data from many institutions took longer than planned, and some inputs arrived in "
        "one language only. Working in a shared portal, with sections assigned to each ministry, made the process "
        "easier to follow than in the previous cycle.",
        "استغرق جمع بيانات قابلة للمقارنة من مؤسسات عديدة وقتاً أطول من المخطط له، ووصلت بعض المساهمات بلغة واحدة "
        "فقط. وقد سهّل العمل عبر بوابة مشتركة، مع إسناد أقسام محددة لكل وزارة، متابعةَ العملية مقارنةً بالدورة "
        "السابقة.",
    ),
    "2.1": (
        "Since December 2018 the government of {country} has adopted the {strategy} National Labour Mobility "
        "Strategy (2025–2030) and a decree on the protection of domestic workers (2023); amendments to the law on "
        "combating trafficking in persons are under discussion. The policy table lists each text with the "
        "objectives it addresses.",
        "منذ كانون الأول/ديسمبر 2018 اعتمدت حكومة {country} استراتيجية «{strategy}» الوطنية لتنقّل اليد العاملة "
        "(2025–2030) ومرسوماً بشأن حماية العمال المنزليين (2023)، فيما تجري مناقشة تعديلات على قانون مكافحة الاتجار "
        "بالأشخاص. ويعرض جدول السياسات كل نص مع الأهداف التي يتناولها.",
    ),
    "2.2": (
        "The National Committee for Migration Coordination, chaired by the ministry in charge of migration, "
        "coordinates GCM implementation and meets every quarter. {plan_sentence}",
        "تتولى اللجنة الوطنية لتنسيق شؤون الهجرة، برئاسة الوزارة المعنية بالهجرة، تنسيق تنفيذ الاتفاق العالمي، "
        "وتجتمع كل ثلاثة أشهر. {plan_sentence}",
    ),
    "2.3": (
        "Human rights, gender and child sensitivity are reflected in the labour mobility strategy through a "
        "complaints mechanism open to all workers, gender-responsive pre-departure training and a rule that "
        "unaccompanied children are always referred to child protection services.",
        "تنعكس مبادئ حقوق الإنسان ومراعاة النوع الاجتماعي ومراعاة الطفل في استراتيجية تنقّل اليد العاملة من خلال "
        "آلية شكاوى مفتوحة لجميع العمال، وتدريب قبل المغادرة يراعي النوع الاجتماعي، وقاعدة تقضي بإحالة الأطفال غير "
        "المصحوبين دائماً إلى خدمات حماية الطفل.",
    ),
    "2.4": (
        "Migration has its own chapter in the national development plan, and the latest SDG voluntary national "
        "review reported on target 10.7. Indicators 10.7.1 and 10.c.1 are now part of the national SDG "
        "monitoring framework.",
        "للهجرة فصل خاص في خطة التنمية الوطنية، وقد تناول آخر استعراض وطني طوعي لأهداف التنمية المستدامة الغاية "
        "10.7. وأصبح المؤشران 10.7.1 و10.c.1 جزءاً من الإطار الوطني لرصد أهداف التنمية المستدامة.",
    ),
    "2.5": (
        "Each ministry reports on its actions to the committee twice a year, and a mid-term evaluation of the "
        "labour mobility strategy is planned. Civil society receives the monitoring report and can comment on it.",
        "ترفع كل وزارة تقريراً عن إجراءاتها إلى اللجنة مرتين في السنة، ومن المقرر إجراء تقييم منتصف المدة "
        "لاستراتيجية تنقّل اليد العاملة. ويتلقى المجتمع المدني تقرير الرصد ويمكنه التعليق عليه.",
    ),
    "3.0": (
        "The national priorities are objectives {priorities}: they match the labour mobility strategy and the "
        "needs raised most often in the consultations. This review reports on {count} of the 23 objectives.",
        "الأولويات الوطنية هي الأهداف {priorities}، إذ تنسجم مع استراتيجية تنقّل اليد العاملة ومع الاحتياجات "
        "الأكثر طرحاً في المشاورات. ويتناول هذا الاستعراض {count} من أهداف الاتفاق العالمي الثلاثة والعشرين.",
    ),
    "4.1": (
        "Implementation is financed mainly from the national budget, through the ministries' own budget lines. "
        "External funding from bilateral partners supports the {programme} programme, and a joint programme "
        "proposal was submitted to the Migration Multi-Partner Trust Fund in 2025.",
        "يُموَّل التنفيذ أساساً من الموازنة العامة عبر بنود موازنات الوزارات. ويدعم تمويل خارجي من شركاء ثنائيين "
        "برنامج «{programme}»، وقُدِّم مقترح برنامج مشترك إلى الصندوق الاستئماني المتعدد الشركاء للهجرة عام 2025.",
    ),
    "4.2": (
        "The government of {country} has bilateral labour agreements with {agreements} countries of origin and "
        "destination, takes part in the regional consultative processes of the Arab region, and works with the "
        "League of Arab States, ESCWA and IOM on data and labour mobility.",
        "أبرمت حكومة {country} اتفاقات عمل ثنائية مع {agreements} دول منشأ ومقصد، وهي تشارك في العمليات التشاورية "
        "الإقليمية في المنطقة العربية، وتتعاون مع جامعة الدول العربية والإسكوا والمنظمة الدولية للهجرة في مجالَي "
        "البيانات وتنقّل اليد العاملة.",
    ),
    "4.3": (
        "Needs include training labour inspectors on recruitment fees, a shared case-management system for "
        "referral, and support to produce migration statistics by sex and age. Technical support is requested from "
        "the UN Network on Migration for each of these.",
        "تشمل الاحتياجات تدريب مفتشي العمل على رسوم التوظيف، وإنشاء نظام مشترك لإدارة الحالات لأغراض الإحالة، ودعم "
        "إنتاج إحصاءات الهجرة مصنّفة حسب الجنس والعمر. ويُطلب دعم فني من شبكة الأمم المتحدة المعنية بالهجرة في كل "
        "من هذه المجالات.",
    ),
    "4.4": (
        "The national statistics office has a small migration unit of {staff} staff, and two universities run "
        "research programmes on labour migration. Administrative data are not yet linked across ministries.",
        "لدى الجهاز الوطني للإحصاء وحدة صغيرة للهجرة تضم {staff} موظفين، وتدير جامعتان برامج بحثية في مجال هجرة اليد "
        "العاملة. ولم تُربط البيانات الإدارية بين الوزارات بعد.",
    ),
    "5.1": (
        "The priority actions for 2027–2029 are to extend the {programme} programme to every governorate, to "
        "adopt the amended anti-trafficking law and to publish a yearly migration data report. Each action has a "
        "lead entity and a timeframe in the table of planned actions.",
        "تتمثل الإجراءات ذات الأولوية للفترة 2027–2029 في توسيع برنامج «{programme}» ليشمل جميع المحافظات، واعتماد "
        "قانون مكافحة الاتجار بالأشخاص المعدَّل، ونشر تقرير سنوي عن بيانات الهجرة. ولكل إجراء جهة قائدة وإطار زمني "
        "في جدول الإجراءات المخطط لها.",
    ),
    "5.2": (
        "Faster progress needs predictable multi-year funding, technical help to link administrative data, and "
        "exchanges with other Arab countries on fair recruitment and return.",
        "يتطلب تسريع التقدم تمويلاً متعدد السنوات يمكن التنبؤ به، ومساعدة فنية لربط البيانات الإدارية، وتبادل "
        "الخبرات مع الدول العربية الأخرى في مجالَي التوظيف العادل والعودة.",
    ),
    "5.3": (
        "The government of {country} sees the GCM as a practical framework for cooperation. Its key messages for "
        "the regional review: fair recruitment pays off for everyone, data must follow people across borders, and "
        "local authorities need a seat at the table.",
        "تنظر حكومة {country} إلى الاتفاق العالمي بوصفه إطاراً عملياً للتعاون. ورسائلها الرئيسية للاستعراض "
        "الإقليمي: التوظيف العادل يعود بالنفع على الجميع، والبيانات يجب أن تتابع الأشخاص عبر الحدود، والسلطات "
        "المحلية تحتاج إلى مقعد على الطاولة.",
    ),
}
PART_FALLBACK = (
    "The ministries concerned in {country} drafted this answer, and the national workshop validated it.",
    "أعدّت الوزارات المعنية في {country} هذه الإجابة، وصادقت عليها ورشة العمل الوطنية.",
)

# Per objective, two variants (a programme or an initiative), chosen per country and objective.
OBJECTIVE_TEXTS = {
    "3.a": [
        (
            'Under objective {number} ("{objective}"), the government of {country} launched the {programme} '
            "programme in {start}, led by the {lead}. It brings together a revised procedure, training for "
            "front-line staff and an information campaign, and it now covers {regions} governorates.",
            "في إطار الهدف {number} («{objective}»)، أطلقت حكومة {country} برنامج «{programme}» عام {start} بقيادة "
            "{lead}. ويجمع البرنامج بين إجراءات مُنقَّحة وتدريب العاملين في الخطوط الأمامية وحملة توعية، ويغطي "
            "اليوم {regions} محافظات.",
        ),
        (
            'To advance objective {number} ("{objective}"), the {programme} initiative was set up in {start} under '
            "the {lead}: a one-stop service that combines legal advice, referral and follow-up, run with local "
            "authorities in {regions} governorates.",
            "للمضي قدماً في الهدف {number} («{objective}»)، أُنشئت مبادرة «{programme}» عام {start} بإشراف {lead}، "
            "وهي خدمة موحّدة تجمع بين الإرشاد القانوني والإحالة والمتابعة، وتُنفَّذ بالتعاون مع السلطات المحلية في "
            "{regions} محافظات.",
        ),
    ],
    "3.b": [
        (
            "By the end of 2025 the {programme} programme had reached {beneficiaries} people, {women}% of them "
            "women. Average waiting times fell from {before} to {after} days between 2019 and 2025, according to "
            "the programme's own monitoring.",
            "بحلول نهاية عام 2025 بلغ عدد المستفيدين من برنامج «{programme}» {beneficiaries}، نسبة النساء بينهم "
            "{women}%. وانخفض متوسط مدة الانتظار من {before} إلى {after} يوماً بين عامَي 2019 و2025 وفق بيانات "
            "المتابعة الخاصة بالبرنامج.",
        ),
        (
            "An evaluation carried out in 2025 found that {share}% of the people using the {programme} initiative "
            "had better access to services; {beneficiaries} people were served between 2020 and 2025.",
            "خلص تقييم أُجري عام 2025 إلى أن {share}% ممن استعانوا بمبادرة «{programme}» تحسّن وصولهم إلى الخدمات، "
            "وبلغ عدد من استفادوا منها بين عامَي 2020 و2025 {beneficiaries}.",
        ),
    ],
    "3.c": [
        (
            "Coverage remains uneven outside the capital, trained staff move on quickly, and data on objective "
            "{number} are rarely disaggregated by migratory status. Funding for {programme} is secured only until "
            "2028.",
            "لا تزال التغطية متفاوتة خارج العاصمة، ويتنقّل الموظفون المدرَّبون بسرعة، ونادراً ما تُصنَّف البيانات "
            "المتعلقة بالهدف {number} حسب وضع الهجرة. ولا يتوفر تمويل «{programme}» إلا حتى عام 2028.",
        ),
        (
            "Coordination between the {lead} and local authorities is still informal, and migrants in an "
            "irregular situation hesitate to use the service. A shared case-management system is needed to follow "
            "people across institutions.",
            "لا يزال التنسيق بين {lead} والسلطات المحلية غير رسمي، ويتردد المهاجرون في وضع غير نظامي في استخدام "
            "الخدمة. وثمة حاجة إلى نظام مشترك لإدارة الحالات يتيح متابعة الأشخاص بين المؤسسات.",
        ),
    ],
    "3.d": [
        (
            "The {practice} of {programme} is a promising practice: it was designed with migrant associations, "
            "runs at low cost and is being adopted by other governorates.",
            "تُعدّ {practice} التابعة لـ«{programme}» ممارسة واعدة: فقد صُمّمت بالتعاون مع جمعيات المهاجرين، "
            "وتكلفتها منخفضة، وبدأت محافظات أخرى في اعتمادها.",
        ),
    ],
    "3.e": [
        (
            "Alongside the {lead}, migrant and diaspora associations, the national human rights institution, "
            "employers, trade unions and the UN Network on Migration took part; municipalities ran the local "
            "outreach.",
            "شارك في التنفيذ إلى جانب {lead} كلٌّ من جمعيات المهاجرين والمغتربين، والمؤسسة الوطنية لحقوق الإنسان، "
            "وأصحاب العمل، والنقابات، وشبكة الأمم المتحدة المعنية بالهجرة، فيما تولّت البلديات التواصل على المستوى "
            "المحلي.",
        ),
    ],
    "3.f": [
        (
            "COVID-19 interrupted in-person services in 2020 and 2021. {programme} moved registration and "
            "follow-up online, which later helped it cope with the regional crises of 2023 and 2024.",
            "أدّت جائحة كوفيد-19 إلى توقّف الخدمات الحضورية في عامَي 2020 و2021، فنُقل التسجيل والمتابعة في "
            "«{programme}» إلى الإنترنت، ما ساعد لاحقاً على مواجهة الأزمات الإقليمية في عامَي 2023 و2024.",
        ),
    ],
}
OBJECTIVE_FALLBACK = (
    'On objective {number} ("{objective}"), the {lead} drafted this answer on the basis of the {programme} '
    "experience.",
    "أعدّ فريق البلد هذه الإجابة عن الهدف {number} («{objective}») استناداً إلى تجربة «{programme}».",
)

PRACTICE_SERVICE = (  # (title, kind, description per variant, period, partners)
    ("{programme} {practice}", "{practice} لـ«{programme}»"),
    "project",
    [("A team from the {lead} goes where migrants live and work, registers requests and refers people to "
      "services on the spot. It was designed with migrant associations and costs little to run.",
      "يتوجّه فريق من {lead} إلى أماكن سكن المهاجرين وعملهم، فيسجّل الطلبات ويحيل الأشخاص إلى الخدمات في "
      "الموقع. وقد صُمّمت الوحدة بالتعاون مع جمعيات المهاجرين، وتكاليف تشغيلها منخفضة."),
     ("A single desk, online and in {regions} governorates, where migrants get information, advice and "
      "referral in one place. It was designed with migrant associations and costs little to run.",
      "مكتب واحد، إلكتروني وفي {regions} محافظات، يحصل فيه المهاجرون على المعلومات والإرشاد والإحالة في مكان "
      "واحد. وقد صُمّم المكتب بالتعاون مع جمعيات المهاجرين، وتكاليف تشغيله منخفضة.")],
    "{start}–2025",
    ["migrant-diaspora", "local-authorities"],
)
PRACTICE_TRAINING = (
    ("Training of front-line staff on objective {number}", "تدريب العاملين في الخطوط الأمامية على الهدف {number}"),
    "capacity-building",
    ("A short course for staff of the {lead} and of municipalities on migrants' rights, gender-responsive "
     "interviewing and referral; {trained} staff trained so far.",
     "دورة قصيرة لموظفي {lead} والبلديات حول حقوق المهاجرين وإجراء المقابلات بما يراعي النوع الاجتماعي "
     "والإحالة؛ وبلغ عدد من تلقّوا التدريب حتى الآن {trained}."),
    "2022–2024",
    ["civil-society", "academia"],
)
