"""What the demo's regional synthesis says: key messages, chapters and one section per objective, in English
and Arabic. Data only; reviews/demo/synthesis.py writes it through the synthesis services.

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

# One section per objective: (countries the section cites first, by ISO code, English, Arabic).
OBJECTIVE_SECTIONS = {
    1: (
        ("JO", "EG", "QA", "TN"),
        "Every review that reports on data says the same thing first: the figures exist, but not in one "
        "place. The labour force survey, residence permits and social insurance records each count migrants "
        "differently, and return migration is counted nowhere. Reviews from {count} ({names}) report on this "
        "objective. In {example}, the {lead} runs {programme}, which adds a migration module to household "
        "surveys and trains ministries to disaggregate their records by migratory status. The 2030 census "
        "round is the next opportunity the reviews name for comparable regional figures.",
        "تبدأ الاستعراضات التي تتناول البيانات جميعها بالملاحظة نفسها: الأرقام موجودة، لكنها ليست في مكان "
        "واحد. فمسح القوى العاملة وتصاريح الإقامة وسجلات التأمينات الاجتماعية يحصي كل منها المهاجرين بطريقة "
        "مختلفة، ولا يحصي أيٌّ منها الهجرة العائدة. وتناولت هذا الهدف الاستعراضات الواردة من {count} ({names}). "
        "ففي {example}، يضيف {programme}، الذي يُنفَّذ بقيادة {lead}، وحدة عن الهجرة إلى مسوح الأسر ويدرّب الوزارات "
        "على تصنيف سجلاتها حسب وضع الهجرة. وتمثّل جولة تعداد 2030 الفرصة التالية التي تذكرها الاستعراضات للحصول على "
        "أرقام إقليمية قابلة للمقارنة.",
    ),
    2: (
        ("MA", "SD", "YE", "JO"),
        "Conflict, drought and the lack of decent jobs for young people are the drivers the reviews name. "
        "The reviews that report on this objective ({names}) tie it to their development plans rather than to "
        "migration policy: rural employment, water management and support to areas that people leave. "
        "{example_cap} describes {programme}, led by the {lead}, which targets districts hit by repeated drought. "
        "Climate displacement appears in the reviews for the first time in this cycle, but none yet has a "
        "policy for people displaced across a border by disasters.",
        "النزاعات والجفاف وانعدام فرص العمل اللائق للشباب هي الدوافع التي تسمّيها الاستعراضات. وتربط الاستعراضات "
        "التي تتناول هذا الهدف ({names}) بينه وبين خطط التنمية لا سياسات الهجرة: التشغيل في الأرياف، وإدارة "
        "المياه، ودعم المناطق التي يغادرها السكان. ويصف استعراض {example} {programme}، الذي يُنفَّذ بقيادة {lead} ويستهدف "
        "المناطق التي يضربها الجفاف المتكرر. ويظهر النزوح الناجم عن تغيّر المناخ في الاستعراضات للمرة الأولى في "
        "هذه الدورة، لكن أياً منها لا يتضمن بعدُ سياسة للأشخاص الذين تدفعهم الكوارث إلى عبور الحدود.",
    ),
    3: (
        ("JO", "EG", "AE", "MA"),
        "Migrants learn about jobs and rules mostly from relatives and recruiters, the reviews agree, and "
        "official information arrives late. The reviews that report on this objective come from {count} "
        "({names}). Their answers converge on pre-departure orientation, hotlines in the languages migrants "
        "speak and information on arrival. {example_cap} reports {programme}, run by the {lead}, which brings "
        "these services together online. What is missing is evidence that the information reaches the people "
        "most at risk before they sign a contract.",
        "تتفق الاستعراضات على أن المهاجرين يستقون معلوماتهم عن الوظائف والقواعد أساساً من الأقارب ووكلاء "
        "التوظيف، وأن المعلومات الرسمية تصل متأخرة. والاستعراضات التي تتناول هذا الهدف واردة من {count} "
        "({names})، وتلتقي إجاباتها على التوجيه السابق للمغادرة، والخطوط الساخنة باللغات التي يتحدثها "
        "المهاجرون، والمعلومات عند الوصول. ويفيد استعراض {example} بتنفيذ {programme} بإشراف {lead}، وهو يجمع هذه "
        "الخدمات على الإنترنت. أما ما ينقص فهو الدليل على أن المعلومات تصل إلى الأشخاص الأكثر عرضة للخطر قبل "
        "توقيعهم أي عقد.",
    ),
    4: (
        ("PS", "IQ", "LB", "JO"),
        "Legal identity is where conflict leaves its longest mark. Children born in displacement without a "
        "registered birth, nationals whose documents were lost or destroyed, and migrant workers whose "
        "passports are held by employers all appear in the reviews from {count} ({names}). {example_cap} "
        "reports {programme} under the {lead}, with mobile registration teams that reach camps and border "
        "areas. Several reviews also mention the risk of statelessness and ask for regional cooperation on "
        "civil registration.",
        "الهوية القانونية هي المجال الذي تترك فيه النزاعات أعمق آثارها. فالأطفال المولودون في النزوح دون تسجيل "
        "ولاداتهم، والمواطنون الذين فقدوا وثائقهم أو أُتلفت، والعمال المهاجرون الذين يحتجز أصحاب العمل جوازات "
        "سفرهم، جميعهم حاضرون في الاستعراضات الواردة من {count} ({names}). ويفيد استعراض {example} بتنفيذ "
        "{programme} بإشراف {lead}، مع فرق تسجيل متنقلة تصل إلى المخيمات والمناطق الحدودية. وتذكر استعراضات عدة "
        "أيضاً خطر انعدام الجنسية، وتطلب التعاون الإقليمي في مجال التسجيل المدني.",
    ),
    5: (
        ("QA", "JO", "MA", "AE"),
        "Regular pathways in the region are above all pathways for work. Reviews from {count} ({names}) report "
        "on this objective, through bilateral labour agreements, seasonal schemes and, in a few countries, "
        "family reunification and humanitarian visas. {example_cap} presents {programme}, led by the {lead}, "
        "which lets workers change employer without the previous employer's consent. Mobility between Arab "
        "countries is the least used pathway: recognition of diplomas and portable rights lag behind the "
        "labour demand.",
        "مسارات الهجرة النظامية في المنطقة هي قبل كل شيء مسارات للعمل. وتتناول الاستعراضات الواردة من {count} "
        "({names}) هذا الهدف عبر اتفاقات العمل الثنائية وبرامج العمل الموسمي، وفي بلدان قليلة عبر لمّ شمل "
        "الأسر والتأشيرات الإنسانية. ويعرض استعراض {example} {programme} بقيادة {lead}، الذي يتيح للعمال تغيير "
        "صاحب العمل دون موافقة صاحب العمل السابق. ويظل التنقل بين البلدان العربية أقل المسارات استخداماً، إذ "
        "يتأخر الاعتراف بالشهادات وقابلية نقل الحقوق عن الطلب على اليد العاملة.",
    ),
    6: (
        ("QA", "JO", "AE", "SA"),
        "Fair recruitment is the objective on which the most countries set their priorities, and it is where "
        "the reforms of the last four years are most visible. Reviews from {count} ({names}) report on it: "
        "electronic contracts registered before departure, wage protection systems, labour inspection, and "
        "the partial or complete dismantling of exit permits and employer consent under the kafala system. "
        "In {example}, {programme}, led by the {lead}, has moved complaints about unpaid wages to a labour "
        "court that rules within weeks. Recruitment fees charged to workers remain widespread, and domestic "
        "workers are still outside labour law in part of the region.",
        "التوظيف العادل هو الهدف الذي يحظى بأولوية أكبر عدد من البلدان، وهو المجال الذي تظهر فيه إصلاحات "
        "السنوات الأربع الماضية بأوضح صورة. وتتناوله الاستعراضات الواردة من {count} ({names}): العقود الإلكترونية "
        "المسجَّلة قبل المغادرة، ونظم حماية الأجور، وتفتيش العمل، والإلغاء الجزئي أو الكامل لتصاريح الخروج "
        "واشتراط موافقة صاحب العمل في إطار نظام الكفالة. ففي {example}، نقل {programme}، المنفَّذ بقيادة {lead}، "
        "الشكاوى المتعلقة بالأجور غير المدفوعة إلى محكمة عمالية تبتّ فيها خلال أسابيع. ولا تزال رسوم التوظيف التي "
        "يتحملها العمال منتشرة، ولا يزال العمال المنزليون خارج نطاق قانون العمل في جزء من المنطقة.",
    ),
    7: (
        ("JO", "QA", "LB", "TN"),
        "The reviews define vulnerability by situation rather than by status: domestic workers living in their "
        "employer's home, unaccompanied children, migrants stranded by crises, women who fled abuse. Reporting "
        "on this objective comes from {count} ({names}). {example_cap} describes {programme}, under the {lead}, "
        "which refers people to shelter, health care and legal aid whatever their papers. The reviews ask for "
        "shelters outside the capital and for clear rules that protect migrants who report abuse from arrest.",
        "تعرّف الاستعراضات الضعف بحسب الظروف لا بحسب الوضع القانوني: العمال المنزليون المقيمون في منازل أصحاب "
        "العمل، والأطفال غير المصحوبين، والمهاجرون العالقون بسبب الأزمات، والنساء الفارّات من الإساءة. ويتناول "
        "هذا الهدف ما ورد من استعراضات من {count} ({names}). ويصف استعراض {example} {programme} بإشراف {lead}، "
        "الذي يحيل الأشخاص إلى المأوى والرعاية الصحية والمساعدة القانونية أياً كانت وثائقهم. وتطلب الاستعراضات "
        "إنشاء دور إيواء خارج العاصمة، ووضع قواعد واضحة تحمي المهاجرين الذين يبلّغون عن الإساءة من التوقيف.",
    ),
    8: (
        ("TN", "DJ", "EG", "DZ"),
        "Few reviews report on saving lives, though people still die at sea and in the desert on the routes "
        "that cross the region. Those that do, from {count} ({names}), describe search and rescue by coast "
        "guards and border guards, the burial of unidentified bodies and hotlines for families. In {example}, "
        "{programme}, under the {lead}, keeps a register of missing persons linked to forensic "
        "identification. No regional mechanism yet exchanges data on missing migrants, and the reviews ask "
        "for one.",
        "قليلة هي الاستعراضات التي تتناول إنقاذ الأرواح، مع أن الناس لا يزالون يلقون حتفهم في البحر وفي "
        "الصحراء على المسارات التي تعبر المنطقة. أما الاستعراضات التي تتناوله، وهي واردة من {count} "
        "({names})، فتصف عمليات البحث والإنقاذ التي يجريها خفر السواحل وحرس الحدود، ودفن الجثث مجهولة الهوية، "
        "والخطوط الساخنة للأسر. وفي {example}، يمسك {programme}، الذي يُنفَّذ بإشراف {lead}، سجلاً للأشخاص "
        "المفقودين مرتبطاً بتحديد الهوية بالطب الشرعي. ولا توجد بعدُ آلية إقليمية لتبادل البيانات عن "
        "المهاجرين المفقودين، وتطلب الاستعراضات إنشاء آلية كهذه.",
    ),
    9: (
        ("MA", "EG", "DZ", "SD"),
        "Smuggling is reported as a business that adapts faster than the law. The reviews from {count} "
        "({names}) report new laws that punish smugglers rather than the people smuggled, joint "
        "investigations with neighbouring countries and awareness campaigns in places of departure. "
        "Prosecutors and border officers now train together in {example}, through {programme} of the {lead}. "
        "The reviews also note that smuggling networks recruit online, and that the evidence needed to "
        "prosecute them crosses several borders.",
        "تصف الاستعراضات التهريب بأنه تجارة تتكيّف أسرع مما يتكيف القانون. وتفيد الاستعراضات الواردة من "
        "{count} ({names}) بقوانين جديدة تعاقب المهرّبين لا الأشخاص المهرَّبين، وبتحقيقات مشتركة مع البلدان "
        "المجاورة، وبحملات توعية في أماكن المغادرة. وفي {example}، بات أعضاء النيابة العامة وموظفو الحدود "
        "يتدرّبون معاً عبر {programme} التابع ل{lead}. وتلاحظ الاستعراضات أيضاً أن شبكات التهريب باتت تجنّد "
        "عبر الإنترنت، وأن الأدلة اللازمة لملاحقتها تعبر حدوداً عدة.",
    ),
    10: (
        ("QA", "BH", "EG", "JO"),
        "Trafficking in persons is the objective with the most complete legal frameworks in the region: every "
        "review that reports on it ({count}: {names}) has a specialised law, a national committee and, in "
        "most cases, a national referral mechanism. Victims identified in {example} are sheltered and may "
        "stay and work while their case is heard, under {programme} of the {lead}. Convictions remain few "
        "compared with identified victims, and forced labour in domestic work is rarely prosecuted.",
        "الاتجار بالأشخاص هو الهدف الذي يملك أكمل الأطر القانونية في المنطقة: فكل استعراض يتناوله (من "
        "{count}: {names}) يفيد بوجود قانون متخصص ولجنة وطنية، وفي معظم الحالات آلية إحالة وطنية. وفي "
        "{example}، يوفّر {programme}، الذي تشرف عليه {lead}، المأوى لمن حُددت هويتهم من الضحايا، ويكفل حقهم "
        "في البقاء والعمل طوال نظر قضاياهم. ولا تزال أحكام الإدانة قليلة مقارنة بعدد الضحايا الذين حُددت "
        "هويتهم، ونادراً ما يُلاحَق العمل القسري في العمل المنزلي قضائياً.",
    ),
    11: (
        ("OM", "MA", "AE", "JO"),
        "Border management in the reviews is increasingly digital: e-gates, advance passenger information and "
        "shared databases between border agencies. The reviews from {count} ({names}) report on this "
        "objective, most of them also describing cooperation with neighbours on joint patrols and crossing "
        "points. {programme_cap}, run by the {lead} in {example}, trains border officers to identify people "
        "in need of protection. The reviews say less about how human rights are monitored at borders, a gap "
        "civil society raised in the consultations.",
        "باتت إدارة الحدود في الاستعراضات رقمية على نحو متزايد: البوابات الإلكترونية، والمعلومات المسبقة عن "
        "الركاب، وقواعد البيانات المشتركة بين أجهزة الحدود. وتتناول هذا الهدف الاستعراضات الواردة من {count} "
        "({names})، ويصف معظمها أيضاً التعاون مع البلدان المجاورة في الدوريات المشتركة والمعابر. ويدرّب "
        "{programme}، الذي تديره {lead} في {example}، موظفي الحدود على تحديد الأشخاص المحتاجين إلى الحماية. "
        "وتتحدث الاستعراضات بقدر أقل عن كيفية رصد حقوق الإنسان على الحدود، وهي فجوة أثارها المجتمع المدني في "
        "المشاورات.",
    ),
    12: (
        ("QA", "BH", "KW", "EG"),
        "Screening and referral is where procedures meet people: who is met at the airport or the labour "
        "office, who is asked the right questions and who is sent where. The reviews from {count} ({names}) "
        "report standard operating procedures, joint screening teams and referral guides shared between "
        "ministries. {example_cap} describes {programme}, under the {lead}, which screens newly arrived workers "
        "for signs of trafficking during the medical check. Decisions are still hard to predict for migrants, "
        "and written reasons are rarely given.",
        "الفرز والإحالة هما المجال الذي تلتقي فيه الإجراءات بالناس: مَن يُستقبل في المطار أو في مكتب العمل، "
        "ومَن تُطرح عليه الأسئلة الصحيحة، وإلى أين يُحال. وتفيد الاستعراضات الواردة من {count} ({names}) بإجراءات "
        "تشغيل موحدة، وفرق فرز مشتركة، وأدلة إحالة تتقاسمها الوزارات. ويصف استعراض {example} {programme} بإشراف "
        "{lead}، الذي يفحص العمال الوافدين حديثاً بحثاً عن مؤشرات الاتجار بالأشخاص أثناء الفحص الطبي. ولا يزال "
        "من الصعب على المهاجرين توقّع القرارات، ونادراً ما تُقدَّم لهم أسبابها مكتوبة.",
    ),
    13: (
        ("EG", "DZ", "IQ", "SD"),
        "Alternatives to detention are among the least reported objectives of the second round table. In the "
        "reviews from {count} ({names}), first steps appear: release of children and families to community "
        "care, reporting obligations instead of custody, and time limits on administrative detention. The "
        "first foster placements of unaccompanied children were made in {example}, as part of {programme} of "
        "the {lead}. No review yet reports the number of migrants detained, and the reviews ask for help to "
        "collect it.",
        "بدائل الاحتجاز من أقل أهداف المائدة المستديرة الثانية تناولاً. وتظهر في الاستعراضات الواردة من "
        "{count} ({names}) خطوات أولى: إطلاق سراح الأطفال والأسر وإيداعهم الرعاية المجتمعية، وفرض واجب "
        "المراجعة الدورية بدلاً من الاحتجاز، وتحديد مدة قصوى للاحتجاز الإداري. وقد جرت أولى عمليات إيداع "
        "الأطفال غير المصحوبين لدى أسر حاضنة في {example}، في إطار {programme} التابع ل{lead}. ولا يفيد أي "
        "استعراض بعدُ بعدد المهاجرين المحتجزين، وتطلب الاستعراضات المساعدة على جمع هذه البيانات.",
    ),
    14: (
        ("TN", "EG", "JO", "MA"),
        "Consular protection matters most to countries with many nationals abroad. Labour attachés in the "
        "main countries of destination, consular funds that repatriate workers in distress and the remains of "
        "those who die abroad, and online consular services appear in the reviews from {count} ({names}). In "
        "{example}, consular desks have opened in the cities where its workers live, as part of {programme} "
        "({lead}). Cooperation between consulates of different countries during crises is the next step the "
        "reviews propose.",
        "تكتسي الحماية القنصلية أهمية قصوى للبلدان التي لها عدد كبير من المواطنين في الخارج. ويَرِد في "
        "الاستعراضات الواردة من {count} ({names}) تعيين ملحقين عماليين في بلدان المقصد الرئيسية، وإنشاء "
        "صناديق قنصلية تتكفل بإعادة العمال المتعثرين ورفات من يتوفون في الخارج، وتقديم خدمات قنصلية "
        "إلكترونية. وفي {example}، افتُتحت مكاتب قنصلية في المدن التي يقيم فيها العمال المغتربون، في إطار {programme} "
        "({lead}). وتقترح الاستعراضات خطوة تالية هي التعاون بين قنصليات البلدان المختلفة أثناء الأزمات.",
    ),
    15: (
        ("JO", "LB", "QA", "TN"),
        "Access to basic services is reported by {count} ({names}), and most of them put schools and primary "
        "health care first. Hosting countries enrolled refugee and migrant children in public schools, some "
        "in second shifts, and opened primary health centres to all residents. {example_cap} reports "
        "{programme}, under the {lead}, which lets migrants see a doctor without showing a residence permit. "
        "The reviews name the cost: services were expanded with external funding that is now shrinking.",
        "تفيد الاستعراضات الواردة من {count} ({names}) بالوصول إلى الخدمات الأساسية، ويضع معظمها المدارس "
        "والرعاية الصحية الأولية في المقام الأول. فقد سجّلت البلدان المضيفة أطفال اللاجئين والمهاجرين في المدارس "
        "الحكومية، وبعضها بنظام الفترتين، وفتحت مراكز الرعاية الصحية الأولية لجميع المقيمين. ويفيد استعراض "
        "{example} بتنفيذ {programme} بإشراف {lead}، الذي يتيح للمهاجرين مراجعة الطبيب دون إبراز تصريح الإقامة. "
        "وتسمّي الاستعراضات الثمن: فقد وُسّعت الخدمات بتمويل خارجي آخذ في التقلص.",
    ),
    16: (
        ("MA", "JO", "LB", "TN"),
        "Inclusion is mostly local in the reviews. Municipalities run language classes, community centres and "
        "mediation between newcomers and residents; national policies set the frame. The reviews from {count} "
        "({names}) report on this objective, several of them as a national priority. {example_cap} describes "
        "{programme}, led by the {lead}, which funds joint projects of migrant and host-community associations. "
        "The reviews find social cohesion hardest to sustain where unemployment is high and services are "
        "stretched.",
        "الإدماج في الاستعراضات شأن محلي في معظمه. فالبلديات تدير دروس اللغة والمراكز المجتمعية والوساطة بين "
        "الوافدين الجدد والسكان، فيما ترسم السياسات الوطنية الإطار العام. وتتناول هذا الهدف الاستعراضات الواردة "
        "من {count} ({names})، وعدد منها يعدّه أولوية وطنية. ويصف استعراض {example} {programme} بقيادة {lead}، "
        "الذي يموّل مشاريع مشتركة بين جمعيات المهاجرين وجمعيات المجتمعات المضيفة. وترى الاستعراضات أن التماسك "
        "الاجتماعي أصعب ما يكون استدامةً حيث ترتفع البطالة وتتعرّض الخدمات للضغط.",
    ),
    17: (
        ("QA", "MA", "AE", "EG"),
        "Discrimination and public discourse receive little attention in the reviews, though they shape every "
        "other objective. Where they are addressed, in the reviews from {count} ({names}), the measures are "
        "anti-discrimination clauses in labour law, media guidelines on reporting about migration and school "
        "curricula that present migration as part of the region's history. Journalists and migrant "
        "associations train together in {example} ({programme}, {lead}). No review measures public "
        "perceptions of migrants, which would show whether these efforts work.",
        "لا يحظى التمييز والخطاب العام إلا باهتمام محدود في الاستعراضات، مع أنهما يؤثران في كل هدف آخر. وحيث "
        "يجري تناولهما، في الاستعراضات الواردة من {count} ({names})، تتمثل التدابير في أحكام لمكافحة التمييز "
        "في قانون العمل، ومبادئ توجيهية لوسائل الإعلام بشأن تغطية الهجرة، ومناهج مدرسية تقدّم الهجرة بوصفها "
        "جزءاً من تاريخ المنطقة. وفي {example}، يتدرّب الصحفيون وجمعيات المهاجرين معاً في إطار {programme} "
        "({lead}). ولا يقيس أي استعراض تصورات الرأي العام عن المهاجرين، وهو ما من شأنه أن يبيّن جدوى هذه "
        "الجهود.",
    ),
    18: (
        ("AE", "MA", "QA", "TN"),
        "Skills are where countries of origin and destination meet most easily. The reviews from {count} "
        "({names}) report vocational training aligned with the occupations in demand abroad, skills "
        "certification before departure and, in destination countries, recognition of foreign qualifications "
        "through professional tests. {example_cap} reports {programme}, led by the {lead}, which certifies "
        "the skills of returning workers so they count at home. An Arab qualifications framework is the "
        "regional step most reviews call for.",
        "المهارات هي المجال الذي تلتقي فيه بلدان المنشأ والمقصد بأكبر قدر من اليسر. وتفيد الاستعراضات الواردة "
        "من {count} ({names}) بتدريب مهني يتوافق مع المهن المطلوبة في الخارج، وبإصدار شهادات المهارات قبل "
        "المغادرة، وفي بلدان المقصد بالاعتراف بالمؤهلات الأجنبية عبر اختبارات مهنية. ويفيد استعراض {example} "
        "بتنفيذ {programme} بقيادة {lead}، الذي يصدّق على مهارات العمال العائدين ليُعتدّ بها في بلدهم. والإطار "
        "العربي للمؤهلات هو الخطوة الإقليمية التي تدعو إليها معظم الاستعراضات.",
    ),
    19: (
        ("MA", "LB", "TN", "PS"),
        "Diasporas are partners in development for every country that reports on this objective ({names}). "
        "The reviews from {count} describe diaspora councils, investment windows, tax incentives and "
        "programmes that bring skilled emigrants home for short assignments in hospitals and universities. In "
        "{example}, {programme} of the {lead} matches diaspora investors with projects in their regions of "
        "origin. Reliable figures on diaspora investment remain scarce.",
        "المغتربون شركاء في التنمية لدى كل بلد يتناول هذا الهدف ({names}). وتصف الاستعراضات الواردة من "
        "{count} مجالس المغتربين، ونوافذ الاستثمار، والحوافز الضريبية، وبرامج تعيد المهاجرين ذوي المهارات إلى "
        "بلدانهم في مهام قصيرة في المستشفيات والجامعات. وفي {example}، يربط {programme} التابع ل{lead} "
        "المستثمرين من المغتربين بمشاريع في مناطقهم الأصلية. ولا تزال الأرقام الموثوقة عن استثمارات المغتربين "
        "شحيحة.",
    ),
    20: (
        ("MA", "EG", "TN", "LB"),
        "Remittances are a lifeline for households in the region's countries of origin, and the reviews from "
        "{count} ({names}) treat their cost as a policy question. Digital wallets, licences for money transfer "
        "operators and price comparison tools are the measures they report. {example_cap} describes "
        "{programme}, led by the {lead}, which lets workers send money from their phone at a published fee. "
        "The average cost of sending remittances to the region is still above the 3 per cent of SDG target "
        "10.c, and informal channels remain large.",
        "التحويلات المالية شريان حياة للأسر في بلدان المنشأ في المنطقة، وتتعامل الاستعراضات الواردة من {count} "
        "({names}) مع تكلفتها بوصفها مسألة سياسات. والتدابير التي تفيد بها هي المحافظ الرقمية، وترخيص شركات "
        "تحويل الأموال، وأدوات مقارنة الأسعار. ويصف استعراض {example} {programme} بقيادة {lead}، الذي يتيح "
        "للعمال إرسال الأموال من هواتفهم برسوم معلنة. ولا يزال متوسط تكلفة إرسال التحويلات إلى المنطقة أعلى من "
        "نسبة 3 في المائة المحددة في الغاية 10.c من غايات أهداف التنمية المستدامة، ولا تزال القنوات غير الرسمية "
        "واسعة الانتشار.",
    ),
    21: (
        ("TN", "SD", "EG", "JO"),
        "Return and reintegration concerns countries of origin and of destination alike, and several reviews "
        "make it a national priority. The reviews from {count} ({names}) describe assisted voluntary return, "
        "reintegration grants, job placement and psychosocial support, increasingly planned with local "
        "authorities. A year of follow-up after return is what {programme} offers in {example}, under the "
        "{lead}. The reviews ask that return be voluntary and dignified, and that reintegration reach the "
        "communities people return to, not only the returnees.",
        "تعني العودة وإعادة الإدماج بلدان المنشأ وبلدان المقصد على حد سواء، وتجعل منها استعراضات عدة أولوية "
        "وطنية. وتصف الاستعراضات الواردة من {count} ({names}) العودة الطوعية المدعومة، ومنح إعادة الإدماج، "
        "والتوظيف، والدعم النفسي والاجتماعي، الذي يُخطَّط له على نحو متزايد مع السلطات المحلية. أما في "
        "{example}، فيتابع {programme}، بإشراف {lead}، العائدين طوال سنة بعد عودتهم. وتطلب الاستعراضات أن "
        "تكون العودة طوعية وكريمة، وأن تشمل إعادة الإدماج المجتمعات التي يعود إليها الناس، لا العائدين وحدهم.",
    ),
    22: (
        ("QA", "KW", "JO", "EG"),
        "Social protection for migrant workers is reported by {count} ({names}), mostly destination countries "
        "of the Gulf and the Mashreq. End-of-service benefits, health insurance paid by employers and "
        "unemployment insurance opened to non-nationals are the measures the reviews describe. When an "
        "employer goes bankrupt in {example}, the wages owed are paid by {programme} of the {lead}. "
        "Portability is the missing piece: contributions paid abroad are rarely counted at home, and "
        "bilateral social security agreements between Arab countries are few.",
        "تفيد الاستعراضات الواردة من {count} ({names}) بتدابير للحماية الاجتماعية للعمال المهاجرين، ومعظمها "
        "من بلدان المقصد في الخليج والمشرق. ومن التدابير التي تصفها الاستعراضات مكافآت نهاية الخدمة، والتأمين "
        "الصحي الذي يدفعه أصحاب العمل، والتأمين ضد البطالة المفتوح لغير المواطنين. وفي {example}، يصرف "
        "{programme} التابع ل{lead} الأجور المستحقة عند إفلاس صاحب العمل. أما الحلقة المفقودة فهي قابلية نقل "
        "الاستحقاقات: فنادراً ما يُعتدّ في البلد الأصلي بالاشتراكات المدفوعة في الخارج، واتفاقات الضمان "
        "الاجتماعي الثنائية بين البلدان العربية قليلة.",
    ),
    23: (
        ("EG", "MA", "JO", "QA"),
        "International cooperation is reported by {count} ({names}), as widely as any objective, and it runs "
        "through every other section of this report. Countries cooperate through the Arab Regional "
        "Consultative Process on Migration and Refugee Affairs, the Abu Dhabi and Khartoum dialogues, "
        "bilateral labour agreements and the UN Network on Migration. In {example}, the {lead} pools the "
        "technical support of several partners in one framework, {programme}. The reviews ask for cooperation "
        "that is predictable and led by countries' own plans.",
        "تفيد الاستعراضات الواردة من {count} ({names}) بالتعاون الدولي، فهو من أوسع الأهداف تناولاً، والتعاون "
        "حاضر في كل قسم آخر من أقسام هذا التقرير. وتتعاون البلدان عبر العملية التشاورية العربية الإقليمية "
        "بشأن الهجرة وشؤون اللاجئين، وحوارَي أبوظبي والخرطوم، واتفاقات العمل الثنائية، وشبكة الأمم المتحدة "
        "المعنية بالهجرة. وفي {example}، يُجمع الدعم الفني المقدَّم من شركاء عدة في إطار واحد هو {programme} "
        "بقيادة {lead}. وتطلب الاستعراضات تعاوناً يمكن التنبؤ به وتقوده خطط البلدان نفسها.",
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
