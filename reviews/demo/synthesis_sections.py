"""The demo synthesis's section on each objective, in English and Arabic: data only, with the placeholders
synthesis_text.py describes ({example}, {programme}, {lead}, {count}, {names}, ...)."""

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
