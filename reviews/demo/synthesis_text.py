"""What the demo's regional synthesis says: key messages, chapters and one section per objective, in English
and Arabic. Data only (the objectives' sections are in synthesis_sections.py, with the same placeholders);
reviews/demo/synthesis.py writes it through the synthesis services.

The texts are invented, like the demo reviews, and speak of what the demo reviews hold. Whatever depends on
which reviews the report compiles is a {placeholder}, filled from the data when the demo is written, so the
small demo and the full one say what their own reviews say:

- {count}: that many countries, after a preposition ("from three countries", «من 3 بلدان»);
  {names}: their names ("Jordan, Morocco and Qatar", «الأردن والمغرب وقطر»);
- in an objective's section, {example}: the country the section cites (the first of the section's `examples`
  that reports the objective, else the first that does), {programme}: its programme for the objective
  ("the Sanad programme", «برنامج «سند»»), {lead}: the entity leading it ("Ministry of Labour": the lead of
  the objective in content.LEADS, so the Arabic around it agrees with that name); {example_cap} and
  {programme_cap} to start an English sentence;
- in a chapter: {pending} (the countries whose review is not compiled, as {count}), {consultations},
  {participants}, {policies} (adopted policies), {plans_adopted}, {plans_integrated}, {domestic_decree},
  {wage_protection} (names), {most} and {least} (the most and least reported objectives); in a round
  table's chapter {count}, {names}, {most} and {least} are those of its objectives.

Arabic follows docs/glossary.md (الاتفاق العالمي، الاستعراض الإقليمي، جهات التنسيق الوطنية، أصحاب المصلحة…).
"""

# The reviewer who writes the demo's synthesis: the audit trail names this login.
DEMO_SYNTHESIS_AUTHOR = "reviewer-escwa"

# Short, quotable messages for the conference, each tied to the objectives it speaks of.
KEY_MESSAGES = [
    (
        (6, 22),
        "Labour mobility is the region's first migration reality. Reforming sponsorship (kafala) rules, "
        "protecting wages and bringing domestic workers under labour law are the reforms that change most "
        "lives, and the reviews show they can be done.",
        "تنقّل اليد العاملة هو الواقع الأول للهجرة في المنطقة. وإصلاح قواعد الكفالة وحماية الأجور وإدراج العمال "
        "المنزليين في نطاق قانون العمل هي الإصلاحات الأعمق أثراً في حياة الناس، وتُظهر الاستعراضات أن تحقيقها ممكن.",
    ),
    (
        (5, 18),
        "Regular pathways work when they are matched with skills. Bilateral labour agreements that recognise "
        "qualifications, and pre-departure training that counts on arrival, open doors that smugglers would "
        "otherwise sell.",
        "تؤتي مسارات الهجرة النظامية ثمارها حين تقترن بالمهارات. فاتفاقات العمل الثنائية التي تعترف بالمؤهلات، "
        "والتدريب السابق للمغادرة الذي يُعتدّ به عند الوصول، يفتحان أبواباً كان المهرّبون سيبيعونها لولا ذلك.",
    ),
    (
        (20, 19),
        "Remittances sustain millions of households in the region, yet sending money still costs too much. "
        "Digital channels and competition can bring costs below 3 per cent, as SDG target 10.c asks, and "
        "diaspora savings can be invested at home.",
        "تعيل التحويلات المالية ملايين الأسر في المنطقة، غير أن تكلفة إرسالها لا تزال مرتفعة. ويمكن للقنوات "
        "الرقمية والمنافسة أن تخفّضا التكلفة إلى أقل من 3 في المائة، كما تدعو إليه الغاية 10.c من غايات أهداف "
        "التنمية المستدامة، وأن تُستثمر مدخرات المغتربين في بلدانهم.",
    ),
    (
        (21, 2),
        "Return must be safe, dignified and lasting. Reintegration that starts before departure, with local "
        "authorities and employers, is what keeps people from having to leave again, including people displaced "
        "by drought and other effects of climate change.",
        "يجب أن تكون العودة آمنة وكريمة ومستدامة. وإعادة الإدماج التي تبدأ قبل المغادرة، بالتعاون مع السلطات "
        "المحلية وأصحاب العمل، هي ما يُغني الناس عن الرحيل مجدداً، بمن فيهم من شرّدهم الجفاف وغيره من آثار تغيّر "
        "المناخ.",
    ),
    (
        (1, 17),
        "Data must follow people across borders. Few reviews could report figures disaggregated by migratory "
        "status, sex and age; linking administrative records is the cheapest way to close that gap and to "
        "answer misinformation with evidence.",
        "يجب أن تتابع البيانات الأشخاص عبر الحدود. فقليلة هي الاستعراضات التي تمكّنت من تقديم أرقام مصنّفة حسب "
        "وضع الهجرة والجنس والعمر، وربط السجلات الإدارية هو أقل السبل تكلفة لسد هذه الفجوة وللرد على المعلومات "
        "المضلِّلة بالأدلة.",
    ),
    (
        (7, 10, 13),
        "Protection cannot wait for status. Migrants in vulnerable situations, victims of trafficking and "
        "children in particular, need referral to services whatever their papers, and detention of children "
        "should end.",
        "لا يمكن أن تنتظر الحماية تسوية الوضع القانوني. فالمهاجرون في أوضاع هشّة، ولا سيما ضحايا الاتجار "
        "بالأشخاص والأطفال، يحتاجون إلى الإحالة إلى الخدمات أياً كانت وثائقهم، وينبغي وضع حد لاحتجاز الأطفال.",
    ),
    (
        (23,),
        "Implementation needs money and partners. Most countries finance the GCM from their own budgets; "
        "predictable multi-year funding, the Migration Multi-Partner Trust Fund and South-South exchanges "
        "between Arab countries would let promising pilots reach every governorate.",
        "يحتاج التنفيذ إلى التمويل والشركاء. فمعظم البلدان تموّل تنفيذ الاتفاق العالمي من موازناتها الخاصة، "
        "ومن شأن التمويل المتعدد السنوات الذي يمكن التنبؤ به، والصندوق الاستئماني المتعدد الشركاء في مجال الهجرة، "
        "وتبادل الخبرات بين البلدان العربية في إطار التعاون فيما بين بلدان الجنوب، أن تتيح للمبادرات التجريبية "
        "الواعدة أن تشمل جميع المحافظات.",
    ),
]

# The chapters' texts by kind (SynthesisChapter.Kind), the round tables' by round table number.
CHAPTERS = {
    "key_messages": (  # the chapter's own text: a line before the numbered messages
        "The messages below draw on the reviews of {count} compiled in this report. They are offered to the "
        "regional review conference for its outcome document, and through it to the International Migration "
        "Review Forum.",
        "تستند الرسائل التالية إلى استعراضات {count} يجمعها هذا التقرير، وهي مقدَّمة إلى مؤتمر الاستعراض "
        "الإقليمي لتُدرج في وثيقته الختامية، ومن خلاله إلى منتدى استعراض الهجرة الدولية.",
    ),
    "executive_summary": (
        "This regional report compiles the voluntary national reviews of the Global Compact for Safe, Orderly "
        "and Regular Migration submitted for the third regional review in the Arab region. It draws on the "
        "reviews from {count} ({names}); the reviews of {pending} were not yet compiled when it was prepared. "
        "It is the region's contribution to the International Migration Review Forum.\n\n"
        "The reviews describe a region where labour mobility, forced displacement and return happen side by "
        "side, often in the same country. Governments report most often on {most}, and least often on {least}. "
        "Reforms of labour migration governance, from wage protection to the protection of domestic workers, "
        "are the clearest advances since the previous review; data disaggregated by migratory status, "
        "alternatives to detention and the cost of sending remittances are where progress is slowest.\n\n"
        "Almost every review was prepared by a national committee that brought ministries together, and most "
        "consulted migrants, civil society, employers and trade unions. The report closes with recommendations "
        "for the next four years, grouped by the four round tables of the regional review conference.",
        "يجمع هذا التقرير الإقليمي الاستعراضات الوطنية الطوعية للاتفاق العالمي من أجل الهجرة الآمنة والمنظمة "
        "والنظامية المقدَّمة إلى الاستعراض الإقليمي الثالث في المنطقة العربية. ويستند إلى الاستعراضات الواردة من "
        "{count} ({names})، في حين لم تكن استعراضات {pending} قد أُدرجت بعد عند إعداده. ويمثّل التقرير مساهمة "
        "المنطقة في منتدى استعراض الهجرة الدولية.\n\n"
        "وتصف الاستعراضات منطقةً يتجاور فيها تنقّل اليد العاملة والتهجير القسري والعودة، وكثيراً ما يحدث ذلك في "
        "البلد نفسه. وأكثر ما تتناوله الحكومات {most}، وأقلّه {least}. وتُعدّ إصلاحات حوكمة هجرة اليد العاملة، من "
        "حماية الأجور إلى حماية العمال المنزليين، أوضح أوجه التقدم منذ الاستعراض السابق، أما البيانات المصنّفة حسب "
        "وضع الهجرة وبدائل الاحتجاز وتكلفة إرسال التحويلات المالية فهي المجالات التي يسير فيها التقدم بأبطأ وتيرة.\n\n"
        "وقد أعدّت كلَّ استعراض تقريباً لجنةٌ وطنية جمعت الوزارات المعنية، وتشاور معظم البلدان مع المهاجرين "
        "والمجتمع المدني وأصحاب العمل والنقابات. ويُختتم التقرير بتوصيات للسنوات الأربع المقبلة، مصنّفة حسب "
        "الموائد المستديرة الأربع لمؤتمر الاستعراض الإقليمي.",
    ),
    "methodology": (
        "Member States appointed national focal points who led the preparation of their reviews with the "
        "guiding template of the regional review, in five parts: methodology, policy and enabling environment, "
        "progress on the GCM objectives, means of implementation and next steps. The reviews were written and "
        "submitted in the regional review portal, in Arabic, English or both, and checked by regional "
        "reviewers of ESCWA, IOM and the League of Arab States before being compiled.\n\n"
        "The countries whose reviews are compiled here held {consultations} consultations with stakeholders, "
        "reaching {participants} participants: workshops on the draft reviews, online surveys of migrants, "
        "written comments from trade unions and employers, and hearings with national human rights "
        "institutions. This chapter compiles when each review was submitted, and the whole-of-government and "
        "whole-of-society approaches each review followed.",
        "عيّنت الدول الأعضاء جهات التنسيق الوطنية التي قادت إعداد الاستعراضات مستعينةً بالنموذج التوجيهي "
        "للاستعراض الإقليمي، وهو يتألف من خمسة أجزاء: المنهجية، والسياسة العامة والبيئة التمكينية، والتقدم المحرز "
        "في تحقيق أهداف الاتفاق العالمي، ووسائل التنفيذ، والخطوات التالية. وكُتبت الاستعراضات وقُدِّمت عبر بوابة "
        "الاستعراض الإقليمي بالعربية أو بالإنكليزية أو بكلتيهما، وراجعها مراجعون إقليميون من الإسكوا والمنظمة "
        "الدولية للهجرة وجامعة الدول العربية قبل تجميعها.\n\n"
        "وعقدت البلدان التي يجمع هذا التقرير استعراضاتها مشاورات مع أصحاب المصلحة بلغ عددها {consultations}، "
        "وبلغ عدد المشاركين فيها {participants}. وتنوّعت هذه المشاورات بين ورش عمل حول مسودات الاستعراضات، "
        "واستبيانات إلكترونية موجّهة إلى المهاجرين، وتعليقات مكتوبة من النقابات وأصحاب العمل، وجلسات استماع "
        "مع المؤسسات الوطنية لحقوق الإنسان. ويجمع هذا "
        "الفصل تاريخ تقديم كل استعراض، والنهج الشامل للحكومة بأكملها ونهج المجتمع بأكمله كما اتّبعهما كل "
        "استعراض.",
    ),
    "policy": (
        "Since the adoption of the GCM in December 2018, the countries compiled here report {policies} adopted "
        "policies, strategies, laws and regulations on migration. National labour mobility strategies are the "
        "most common instrument. A decree or law protecting domestic workers is reported by {domestic_decree}, "
        "and a wage protection system by {wage_protection}: together they mark a turn in the governance of "
        "sponsorship-based labour migration.\n\n"
        "A national implementation plan for the GCM has been adopted in {plans_adopted}; in {plans_integrated} "
        "the commitments are part of the national development plan instead. Coordination rests on national "
        "committees chaired by the ministry in charge of migration, and most reviews link migration to the "
        "voluntary national reviews of the 2030 Agenda through SDG target 10.7.",
        "منذ اعتماد الاتفاق العالمي في كانون الأول/ديسمبر 2018، أفادت البلدان التي يجمع هذا التقرير استعراضاتها "
        "باعتماد {policies} من السياسات والاستراتيجيات والقوانين والأنظمة المتعلقة بالهجرة. وتُعدّ الاستراتيجيات "
        "الوطنية لتنقّل اليد العاملة أكثر هذه الأدوات شيوعاً. ويَرِد ذكر مرسوم أو قانون لحماية العمال المنزليين في "
        "{domestic_decree}، ونظام لحماية الأجور في {wage_protection}، وهما معاً يمثّلان تحولاً في "
        "حوكمة هجرة اليد العاملة القائمة على نظام الكفالة.\n\n"
        "واعتُمدت خطة تنفيذ وطنية للاتفاق العالمي في {plans_adopted}، في حين أُدرجت الالتزامات في خطة التنمية "
        "الوطنية بدلاً من ذلك في {plans_integrated}. ويقوم التنسيق على لجان وطنية ترأسها الوزارة المعنية بالهجرة، "
        "وتربط معظم الاستعراضات الهجرةَ بالاستعراضات الوطنية الطوعية لخطة عام 2030 عبر الغاية 10.7 من غايات أهداف "
        "التنمية المستدامة.",
    ),
    "means": (
        "Implementation is financed mostly from national budgets, through the budget lines of the ministries "
        "that lead each objective. Bilateral partners co-finance specific programmes, and several countries "
        "submitted joint programme proposals to the Migration Multi-Partner Trust Fund in 2025. No review "
        "reports a costed national plan yet.\n\n"
        "The capacity needs the reviews list are strikingly similar: training labour inspectors on recruitment "
        "fees, a shared case-management system so that people referred between institutions are not lost, and "
        "support to national statistics offices to produce migration statistics by sex and age. Statistics "
        "offices report small migration units of a few staff, and administrative data that are not yet linked "
        "across ministries. The UN Network on Migration is asked for technical support on each of these.",
        "يُموَّل التنفيذ في معظمه من الموازنات العامة، عبر بنود موازنات الوزارات التي تقود كل هدف. ويشارك شركاء "
        "ثنائيون في تمويل برامج بعينها، وقدّمت بلدان عدة مقترحات برامج مشتركة إلى الصندوق الاستئماني المتعدد "
        "الشركاء في مجال الهجرة عام 2025. ولا يفيد أي استعراض حتى الآن بوجود خطة وطنية محددة التكاليف.\n\n"
        "وتتشابه احتياجات بناء القدرات التي تعدّدها الاستعراضات إلى حد لافت: تدريب مفتشي العمل على رسوم التوظيف، "
        "وإنشاء نظام مشترك لإدارة الحالات حتى لا يضيع الأشخاص المحالون بين المؤسسات، ودعم الأجهزة الوطنية للإحصاء "
        "لإنتاج إحصاءات الهجرة مصنّفة حسب الجنس والعمر. وتفيد أجهزة الإحصاء بوجود وحدات صغيرة للهجرة لا يتجاوز "
        "موظفوها بضعة أشخاص، وبأن البيانات الإدارية لم تُربط بعد بين الوزارات. ويُطلب من شبكة الأمم المتحدة "
        "المعنية بالهجرة تقديم الدعم الفني في كل من هذه المجالات.",
    ),
    "next_steps": (
        "For 2027–2029 the reviews plan to scale up what works rather than start anew: extending programmes "
        "piloted in a few governorates to the whole country, adopting the amendments to anti-trafficking laws "
        "that are under discussion, and publishing a yearly migration data report. Each planned action has a "
        "lead entity and a timeframe.\n\n"
        "Countries ask for three kinds of support to go faster: predictable multi-year funding, technical help "
        "to link administrative data, and exchanges with other Arab countries on fair recruitment and on "
        "return and reintegration. The regional review conference is invited to take these requests up in its "
        "outcome document, and the UN Network on Migration in the Arab region to organise the exchanges before "
        "the next International Migration Review Forum.",
        "تعتزم الاستعراضات للفترة 2027–2029 توسيع نطاق ما أثبت نجاحه بدلاً من البدء من جديد: تعميم البرامج "
        "التي جُرّبت في عدد من المحافظات على البلد بأكمله، واعتماد التعديلات قيد المناقشة على قوانين مكافحة "
        "الاتجار بالأشخاص، ونشر تقرير سنوي عن بيانات الهجرة. ولكل إجراء مخطط له جهة قائدة وإطار زمني.\n\n"
        "وتطلب البلدان ثلاثة أنواع من الدعم لتسريع التقدم: تمويلاً متعدد السنوات يمكن التنبؤ به، ومساعدة فنية "
        "لربط البيانات الإدارية، وتبادل الخبرات مع البلدان العربية الأخرى في مجالَي التوظيف العادل والعودة "
        "وإعادة الإدماج. ومؤتمر الاستعراض الإقليمي مدعو إلى تناول هذه الطلبات في وثيقته الختامية، وشبكة الأمم "
        "المتحدة المعنية بالهجرة في المنطقة العربية مدعوة إلى تنظيم هذا التبادل قبل الدورة المقبلة لمنتدى "
        "استعراض الهجرة الدولية.",
    ),
    "conclusions": (
        "The reviews compiled here show governments that treat the GCM as a practical framework rather than a "
        "set of distant commitments. The region has moved furthest where migration and labour policy meet, and "
        "least where protection depends on cooperation between several countries: missing migrants, "
        "smuggling routes, and the portability of social security.\n\n"
        "Recommendations. (1) Bring domestic workers under labour law everywhere and extend wage protection "
        "systems to them. (2) Link administrative data across ministries and publish migration statistics "
        "disaggregated by migratory status, sex and age every year. (3) Reduce the cost of remittances below "
        "3 per cent through digital channels and competition. (4) Develop alternatives to detention, starting "
        "with children. (5) Plan return and reintegration with local authorities before people leave. (6) Cost "
        "the national implementation plans and seek predictable multi-year funding for them.",
        "تُظهر الاستعراضات التي يجمعها هذا التقرير حكوماتٍ تتعامل مع الاتفاق العالمي بوصفه إطاراً عملياً لا "
        "مجموعة من الالتزامات البعيدة. وقد أحرزت المنطقة أكبر تقدم حيث تلتقي سياسات الهجرة بسياسات العمل، وأقل "
        "تقدم حيث تتوقف الحماية على التعاون بين بلدان عدة: المهاجرون المفقودون، ومسارات التهريب، وقابلية نقل "
        "استحقاقات الضمان الاجتماعي.\n\n"
        "التوصيات: (1) إدراج العمال المنزليين في نطاق قانون العمل في كل مكان وتوسيع نظم حماية الأجور لتشملهم. "
        "(2) ربط البيانات الإدارية بين الوزارات ونشر إحصاءات الهجرة مصنّفة حسب وضع الهجرة والجنس والعمر كل سنة. "
        "(3) خفض تكلفة التحويلات المالية إلى أقل من 3 في المائة عبر القنوات الرقمية والمنافسة. (4) تطوير بدائل "
        "للاحتجاز بدءاً بالأطفال. (5) التخطيط للعودة وإعادة الإدماج مع السلطات المحلية قبل المغادرة. (6) تقدير "
        "تكاليف خطط التنفيذ الوطنية والسعي إلى تمويل متعدد السنوات يمكن التنبؤ به لها.",
    ),
}

ROUND_TABLE_CHAPTERS = {
    1: (
        "The first round table brings together the objectives that shape why and how people move for work: "
        "the drivers of migration, regular pathways, fair recruitment, screening and skills. Reviews from "
        "{count} ({names}) report on at least one of them, most often on {most} and least often on {least}.\n\n"
        "Countries of destination describe reforms of sponsorship rules, electronic contracts and wage "
        "protection; countries of origin describe pre-departure training, skills certification and bilateral "
        "labour agreements. Recruitment fees charged to workers remain the most common abuse the reviews "
        "mention, and few countries can yet say how many workers pay them.",
        "تجمع المائدة المستديرة الأولى الأهداف التي تحدد أسباب تنقّل الناس بحثاً عن العمل وكيفيته: دوافع الهجرة، "
        "ومسارات الهجرة النظامية، والتوظيف العادل، والفرز، والمهارات. وتتناول الاستعراضات الواردة من {count} "
        "({names}) هدفاً واحداً منها على الأقل، وأكثرها تناولاً {most}، وأقلها {least}.\n\n"
        "وتصف بلدان المقصد إصلاحات قواعد الكفالة والعقود الإلكترونية وحماية الأجور، فيما تصف بلدان المنشأ التدريب "
        "السابق للمغادرة وإصدار شهادات المهارات واتفاقات العمل الثنائية. ولا تزال رسوم التوظيف التي يتحمّلها "
        "العمال أكثر الانتهاكات ذكراً في الاستعراضات، وقليلة هي البلدان التي تستطيع أن تحدد عدد العمال الذين "
        "يدفعونها.",
    ),
    2: (
        "The second round table covers the protection of migrants at borders and along routes: legal identity, "
        "saving lives, smuggling, trafficking, border management, detention and return. Reviews from {count} "
        "({names}) report on these objectives, most often on {most} and least often on {least}.\n\n"
        "Departures and transit across the Mediterranean and along the Eastern route, documentation lost in "
        "conflict and the return of nationals shape what the reviews report. National referral mechanisms for "
        "victims of trafficking are spreading; search and rescue, the identification "
        "of missing migrants and alternatives to detention remain the least developed commitments in the region.",
        "تتناول المائدة المستديرة الثانية حماية المهاجرين على الحدود وعلى طول مسارات الهجرة: الهوية القانونية، "
        "وإنقاذ الأرواح، والتهريب، والاتجار بالأشخاص، وإدارة الحدود، والاحتجاز، والعودة. وتتناول هذه الأهداف "
        "الاستعراضات الواردة من {count} ({names})، وأكثرها تناولاً {most}، وأقلها {least}.\n\n"
        "وتتشكّل مضامين الاستعراضات من المغادرة والعبور عبر البحر الأبيض المتوسط وعلى طول الطريق الشرقي، ومن "
        "الوثائق التي فُقدت في النزاعات، ومن عودة المواطنين. وتتسع آليات الإحالة الوطنية لضحايا الاتجار "
        "بالأشخاص، في حين يظل البحث والإنقاذ، وتحديد هوية المهاجرين المفقودين، وبدائل الاحتجاز أقل الالتزامات "
        "تطوراً في المنطقة.",
    ),
    3: (
        "The third round table looks at migrants' lives once they have moved: consular protection, access to "
        "basic services, inclusion, the contributions of diasporas, remittances and social protection. Reviews "
        "from {count} ({names}) report on it, most often on {most} and least often on {least}.\n\n"
        "Here the region's two faces show most clearly. Countries of origin court their diasporas with "
        "investment schemes and cheaper transfers; countries hosting refugees and migrant workers open schools "
        "and health centres to them, often with municipalities in the lead. Social protection remains tied to "
        "nationality or to the employer in most countries, so that years of contributions are lost on return.",
        "تتناول المائدة المستديرة الثالثة حياة المهاجرين بعد انتقالهم: الحماية القنصلية، والوصول إلى الخدمات "
        "الأساسية، والإدماج، ومساهمات المغتربين، والتحويلات المالية، والحماية الاجتماعية. وتتناولها الاستعراضات "
        "الواردة من {count} ({names})، وأكثر أهدافها تناولاً {most}، وأقلها {least}.\n\n"
        "وهنا يتجلى وجها المنطقة بأوضح صورة. فبلدان المنشأ تستقطب مغتربيها بمخططات استثمارية وتحويلات أقل "
        "تكلفة، والبلدان التي تستضيف اللاجئين والعمال المهاجرين تفتح لهم المدارس والمراكز الصحية، وكثيراً ما "
        "تتولى البلديات زمام المبادرة. ولا تزال الحماية الاجتماعية في معظم البلدان مرتبطة بالجنسية أو بصاحب "
        "العمل، فتضيع اشتراكات سنوات طويلة عند العودة.",
    ),
    4: (
        "The fourth round table gathers the objectives on which all the others depend: data, information, "
        "vulnerabilities, non-discrimination and international cooperation. Reviews from {count} ({names}) "
        "report on them, most often on {most} and least often on {least}.\n\n"
        "Cooperation is the objective countries report on most readily, through regional consultative "
        "processes, bilateral agreements and the UN Network on Migration. Data are the gap they name most "
        "often: labour force surveys rarely identify migrants, and administrative records stay in the ministry "
        "that collects them. Few reviews report measures against discrimination or hate speech, though several "
        "mention information campaigns that reach migrants before they leave.",
        "تضم المائدة المستديرة الرابعة الأهداف التي تتوقف عليها سائر الأهداف: البيانات، والمعلومات، ومواطن "
        "الضعف، وعدم التمييز، والتعاون الدولي. وتتناولها الاستعراضات الواردة من {count} ({names})، وأكثرها "
        "تناولاً {most}، وأقلها {least}.\n\n"
        "والتعاون هو الهدف الذي تتناوله البلدان بأكبر قدر من اليسر، عبر العمليات التشاورية الإقليمية والاتفاقات "
        "الثنائية وشبكة الأمم المتحدة المعنية بالهجرة. أما البيانات فهي الفجوة الأكثر ذكراً: فنادراً ما تحدد "
        "مسوح القوى العاملة المهاجرين، وتبقى السجلات الإدارية حبيسة الوزارة التي تجمعها. وقليلة هي الاستعراضات "
        "التي تفيد بتدابير لمكافحة التمييز أو خطاب الكراهية، وإن ذكر عدد منها حملات توعية تصل إلى المهاجرين قبل "
        "مغادرتهم.",
    ),
}

# Sections where the reviewer quotes another passage than the default (the first sentence of the answer to
# 3.a): (objective, question, first sentence, last sentence, countries in order of preference).
CHOSEN_HIGHLIGHTS = [
    (6, "3.b", 0, 1, ("QA", "JO", "AE")),  # the results rather than the measures
    (5, "3.c", 0, 0, ("MA", "JO", "QA")),  # the challenge the section speaks of
    (1, "3.c", 0, 1, ("JO", "EG", "QA")),
    (15, "3.b", 0, 0, ("JO", "QA", "LB")),
    (20, "3.d", 0, 0, ("MA", "EG", "TN")),  # the practice itself
    (21, "3.b", 0, 0, ("TN", "EG", "JO")),
]

# Good practices featured in each round table's chapter: (objective, countries in order of preference).
FEATURED_PRACTICES = {
    1: [(6, ("QA", "JO", "AE")), (18, ("MA", "AE", "QA"))],
    2: [(10, ("QA", "BH", "JO")), (21, ("TN", "EG", "JO"))],
    3: [(20, ("MA", "EG", "JO")), (15, ("JO", "LB", "QA"))],
    4: [(1, ("JO", "EG", "QA")), (23, ("EG", "MA", "JO"))],
}

# Answers cited: (chapter kind, round table number or None, question, objective or None, countries by
# preference).
CITATIONS = [
    ("methodology", None, "1.3", None, ("JO", "EG", "MA")),
    ("policy", None, "2.1", None, ("QA", "EG", "JO")),
    ("round_table", 1, "3.b", 6, ("QA", "JO", "AE")),
    ("round_table", 3, "3.a", 20, ("MA", "EG", "JO")),
    ("means", None, "4.3", None, ("MA", "JO", "EG")),
    ("next_steps", None, "5.2", None, ("JO", "QA", "EG")),
]
