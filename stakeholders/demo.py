"""The demo's whole of society: a dozen organisations across categories and countries, their written inputs in
Arabic and English on the four round tables (most accepted, one declined, one questioned, one draft), and a
passage of an accepted input quoted in every round-table chapter of the demo synthesis. Fictitious names."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Role
from reviews.models import Country, Objective, ReviewCycle, RoundTable, StakeholderCategory, SynthesisChapter
from stakeholders.models import InputMessage, InputQuote, StakeholderInput, StakeholderOrganisation

User = get_user_model()
DEMO_REVIEWER = "reviewer-escwa"

# username, category, countries, Arabic name, English name
ORGANISATIONS = [
    ("org-sawt", "migrant-diaspora", ["EG", "JO"], "شبكة صوت المهاجرين", "Migrant Voice Network"),
    ("org-amal", "civil-society", ["LB", "SY"], "جمعية الأمل للتنمية", "Amal Development Association"),
    ("org-ajyal", "women-children-youth", ["MA", "TN"], "منتدى أجيال للشباب", "Ajyal Youth Forum"),
    ("org-iraqlab", "academia", ["IQ"], "مركز دراسات الهجرة – جامعة بغداد", "Migration Studies Centre, Baghdad"),
    ("org-gulfbiz", "private-sector", ["AE", "QA", "OM"], "مجلس أصحاب العمل الخليجي", "Gulf Employers Council"),
    ("org-unions", "trade-unions", ["JO", "BH"], "الاتحاد العربي لنقابات العمال المهاجرين",
     "Arab Federation of Migrant Workers' Unions"),
    ("org-nhri-ma", "nhri", ["MA"], "المجلس الوطني لحقوق الإنسان – نموذج", "National Human Rights Council (demo)"),
    ("org-amman", "local-authorities", ["JO"], "بلدية عمّان الكبرى – نموذج", "Greater Amman Municipality (demo)"),
    ("org-rahma", "faith-based", ["SD", "EG"], "مؤسسة الرحمة الخيرية", "Rahma Charitable Foundation"),
    ("org-crescent", "red-cross-crescent", ["YE", "SO"], "جمعية الهلال الأحمر – نموذج", "Red Crescent Society (demo)"),
    ("org-media", "media", ["TN", "DZ"], "شبكة إعلاميين من أجل الهجرة", "Journalists for Migration Network"),
    ("org-diaspora-eu", "migrant-diaspora", ["MA", "DZ", "TN"], "اتحاد جاليات المغرب العربي", "Maghreb Diaspora Union"),
]

AR, EN = "ar", "en"
# username, round tables, objectives, language, title, text, translation, status, attribution
INPUTS = [
    ("org-sawt", [1], [5, 6], AR, "المسارات النظامية والتوظيف العادل",
     "يواجه العمال المهاجرون رسوم توظيف مرتفعة تدفعهم إلى الديون قبل السفر. ندعو إلى حظر تحميل العمال أي رسوم "
     "وإلى رقابة مشتركة بين بلدان المنشأ والمقصد على وكالات التوظيف. كما نوصي بإشراك جمعيات المهاجرين في "
     "متابعة الاتفاقات الثنائية.", "", "accepted", "named"),
    ("org-gulfbiz", [1], [6, 18], EN, "Skills partnerships that work for employers and workers",
     "Employers in the Gulf are ready to recognise skills certified in countries of origin. Joint training "
     "centres have cut recruitment costs and improved retention. We ask governments to fund skills partnerships "
     "and to publish the standards they recognise.",
     "أصحاب العمل في الخليج مستعدون للاعتراف بالمهارات المعتمدة في بلدان المنشأ. وقد خفّضت مراكز التدريب "
     "المشتركة تكاليف التوظيف وحسّنت استبقاء العمال. ونطلب من الحكومات تمويل شراكات المهارات ونشر المعايير التي "
     "تعترف بها.", "accepted", "named"),
    ("org-amal", [2], [8, 10], AR, "إنقاذ الأرواح ومكافحة الاتجار",
     "ما زالت أعداد المفقودين على طرق الهجرة مرتفعة ولا تُسجَّل بصورة منهجية. نطالب بآلية إقليمية لتبادل "
     "المعلومات عن المفقودين تحترم خصوصية الأسر. ونؤكد أن ضحايا الاتجار يحتاجون إلى الحماية لا إلى الاحتجاز.",
     "", "accepted", "named"),
    ("org-nhri-ma", [2], [13, 21], EN, "Alternatives to immigration detention",
     "Detention of migrants, and of children in particular, should be a measure of last resort. Community-based "
     "alternatives have proved effective and cost less. Returns must be safe and dignified and must respect the "
     "principle of non-refoulement.", "", "accepted", "category"),
    ("org-crescent", [2, 3], [8, 15], AR, "الاستجابة الإنسانية على طرق الهجرة",
     "تقدّم فرقنا الإسعافات والمساعدة الإنسانية للمهاجرين بغض النظر عن وضعهم القانوني. إن الوصول الآمن للعاملين "
     "في المجال الإنساني شرط لإنقاذ الأرواح.",
     "Our teams provide first aid and humanitarian assistance to migrants whatever their legal status. Safe access "
     "for humanitarian workers is a condition for saving lives.", "accepted", "named"),
    ("org-unions", [3], [15, 22], AR, "الحماية الاجتماعية وقابلية نقل الاستحقاقات",
     "لا يستفيد معظم العمال المهاجرين من الضمان الاجتماعي عند عودتهم. نقترح اتفاقات ثنائية لنقل الاستحقاقات "
     "وصناديق مشتركة لتأمين العمال في القطاعات غير المنظمة. ويجب أن يشمل ذلك عمال المنازل.", "",
     "accepted", "named"),
    ("org-amman", [3], [15, 16], EN, "Cities as the first place of inclusion",
     "Municipalities receive migrants and refugees before any national programme reaches them. Local service "
     "centres that serve everyone regardless of status have reduced tensions. Local authorities need a seat in "
     "the national coordination of the Compact.",
     "البلديات هي أول من يستقبل المهاجرين واللاجئين قبل أن تصل إليهم أي برامج وطنية. وقد خففت مراكز الخدمات "
     "المحلية التي تخدم الجميع بصرف النظر عن الوضع القانوني من حدة التوترات. وتحتاج السلطات المحلية إلى مقعد في "
     "التنسيق الوطني للاتفاق العالمي.", "accepted", "named"),
    ("org-diaspora-eu", [3], [19, 20], AR, "التحويلات المالية ومساهمة الجاليات",
     "ما زالت تكلفة التحويلات المالية إلى بلدان المغرب العربي أعلى من الهدف العالمي. نقترح تشجيع الخدمات "
     "الرقمية وإشراك الجاليات في مشاريع التنمية المحلية.", "", "accepted", "named"),
    ("org-iraqlab", [4], [1, 3], EN, "Better data on migration in the region",
     "Migration data in the region remain scattered across ministries and rarely disaggregated by sex and age. "
     "Universities can help build shared definitions and train statisticians. We recommend a regional "
     "observatory that publishes open data.", "", "accepted", "named"),
    ("org-media", [4], [17], AR, "خطاب إعلامي يحترم المهاجرين",
     "تنتشر في بعض وسائل الإعلام صور نمطية تربط الهجرة بالجريمة. ندعو إلى مدونات سلوك مهنية وإلى تدريب "
     "الصحفيين على التغطية القائمة على الأدلة.", "", "accepted", "category"),
    ("org-ajyal", [4, 1], [7, 17], AR, "أصوات الشباب المهاجرين",
     "يواجه الشباب المهاجرون صعوبات في الوصول إلى التعليم والعمل اللائق. نطلب إشراك الشباب في صياغة السياسات.",
     "", "submitted", "named"),  # questioned below
    ("org-rahma", [3], [15], EN, "Charity event announcement",
     "Join our annual fundraising dinner. Tickets are available from our office.", "", "declined", "named"),
    ("org-sawt", [2], [], AR, "ملاحظات أولية على إدارة الحدود",
     "مسودة قيد الكتابة.", "", "draft", "named"),
]
QUESTION = ("Could you give an example of a country where young migrants took part in drafting a policy?",
            "نعم، في تونس شارك منتدى الشباب في إعداد الاستراتيجية الوطنية للهجرة عام 2023.")
DECLINE_REASON = "This is an event announcement, not an input on the Compact's objectives."
QUOTED = {1: "org-sawt", 2: "org-amal", 3: "org-unions", 4: "org-iraqlab"}  # round table -> quoted input's author


def demo_stakeholders_load(*, cycle: ReviewCycle, password: str) -> None:
    """Idempotent: organisations, accounts and inputs already loaded are left as they are."""
    categories = {category.code: category for category in StakeholderCategory.objects.all()}
    countries = {country.iso2: country for country in Country.objects.all()}
    reviewer = User.objects.filter(username=DEMO_REVIEWER).first()
    organisations = {}
    for username, category, iso2s, name_ar, name_en in ORGANISATIONS:
        if category not in categories:
            continue
        account, _created = User.objects.get_or_create(username=username, defaults={
            "role": Role.STAKEHOLDER, "name_ar": name_ar, "name_en": name_en, "password": password,
            "email": f"{username}@demo.gcm-review.invalid"})
        organisation, created = StakeholderOrganisation.objects.get_or_create(account=account, defaults={
            "name_ar": name_ar, "name_en": name_en, "category": categories[category], "contact_name": name_en,
            "contact_email": account.email, "status": StakeholderOrganisation.Status.APPROVED,
            "decided_by": User.objects.filter(username="organiser").first(), "decided_at": timezone.now()})
        if created:
            organisation.countries.set([countries[code] for code in iso2s if code in countries])
        organisations[username] = organisation
    if reviewer is None or StakeholderInput.objects.filter(cycle=cycle).exists():
        return
    round_tables = {round_table.number: round_table for round_table in RoundTable.objects.all()}
    objectives = {objective.number: objective for objective in Objective.objects.all()}
    written = {}
    for username, tables, numbers, language, title, text, translation, status, attribution in INPUTS:
        if username not in organisations:
            continue
        other = EN if language == AR else AR
        item = StakeholderInput.objects.create(
            organisation=organisations[username], cycle=cycle, title=title, original_language=language,
            **{f"text_{language}": text, f"text_{other}": translation}, attribution=attribution, status=status,
            submitted_at=None if status == "draft" else timezone.now(), updated_by=organisations[username].account,
            decided_by=reviewer if status in ("accepted", "declined") else None,
            decided_at=timezone.now() if status in ("accepted", "declined") else None,
            decline_reason=DECLINE_REASON if status == "declined" else "")
        item.round_tables.set([round_tables[number] for number in tables if number in round_tables])
        item.objectives.set([objectives[number] for number in numbers if number in objectives])
        written.setdefault(username, item)
        if username == "org-ajyal":
            InputMessage.objects.create(stakeholder_input=item, author=reviewer, body=QUESTION[0])
            InputMessage.objects.create(stakeholder_input=item, author=item.organisation.account, body=QUESTION[1])
    chapters = SynthesisChapter.objects.filter(cycle=cycle, kind=SynthesisChapter.Kind.ROUND_TABLE)
    for chapter in chapters.select_related("round_table"):
        author = QUOTED.get(chapter.round_table.number)
        if author in written:
            InputQuote.objects.get_or_create(chapter=chapter, stakeholder_input=written[author],
                                             defaults={"first_sentence": 0, "last_sentence": 1, "updated_by": reviewer})
