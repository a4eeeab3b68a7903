"""Word material for the synthetic corpus: names, places, topics (German, English, Arabic).

Plain data, no logic. The facts are invented; they read like the network's real data so that
texts, names and pages have realistic lengths and characters (umlauts, Arabic script).
"""

from __future__ import annotations

CITY = "Erfurt"

# Sub-networks that a larger scale adds: each repeats the network's structure (its own members,
# groups, events and info mails), the way a city's district networks do. (German, English, Arabic)
STRANDS: tuple[tuple[str, str, str], ...] = (
    ("", "", ""),
    ("Nord", "North", "الشمال"),
    ("Süd", "South", "الجنوب"),
    ("Ost", "East", "الشرق"),
    ("West", "West", "الغرب"),
    ("Mitte", "Centre", "الوسط"),
)

FIRST_NAMES = (
    "Anna", "Julia", "Sabine", "Katrin", "Petra", "Monika", "Heike", "Birgit", "Lena", "Sophie", "Paula",
    "Thomas", "Michael", "Andreas", "Stefan", "Uwe", "Jens", "Frank", "Jonas", "Felix", "Matthias",
    "Leyla", "Fatima", "Amina", "Samira", "Mariam", "Zahra", "Ayşe", "Olena", "Irina", "Tatjana",
    "Agnieszka", "Ahmad", "Yusuf", "Hamid", "Omid", "Mehmet", "Dmytro", "Sergej", "Marek", "Kofi",
    "Abebe", "Thi Lan", "Minh", "Ioana", "Carlos", "Lucía", "Nour", "Rami", "Hevin", "Daniel",
)  # fmt: skip

LAST_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
    "Schulz", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Krüger",
    "Hartmann", "Lange", "Kühn", "Vogel", "Günther", "Demir", "Yılmaz", "Kaya", "Haddad", "Khalil",
    "Rahimi", "Ahmadi", "Kovalenko", "Shevchenko", "Nowak", "Kowalski", "Nguyen", "Tran", "Hussein",
    "Popescu", "Ivanova", "Petrov", "Osei", "Tesfaye", "García", "Mahmoud", "Karimi", "Bauer",
)  # fmt: skip

DISTRICTS = (
    "Nord", "Süd", "Ost", "West", "Mitte", "Rieth", "Herrenberg", "Wiesenhügel", "Roter Berg",
    "Johannesplatz", "Moskauer Platz", "Melchendorf", "Daberstedt", "Krämpfervorstadt",
    "Ilversgehofen", "Hochheim", "Marbach", "Bischleben", "Gispersleben", "Dittelstedt",
    "Brühlervorstadt", "Löbervorstadt", "Berliner Platz", "Altstadt",
)  # fmt: skip

TOWNS = ("Erfurt", "Weimar", "Gotha", "Arnstadt", "Sömmerda", "Apolda", "Jena", "Ilmenau", "Mühlhausen")

STREETS = (
    "Anger", "Juri-Gagarin-Ring", "Bahnhofstraße", "Johannesstraße", "Magdeburger Allee",
    "Leipziger Straße", "Mittelhäuser Straße", "Moskauer Straße", "Warschauer Straße",
    "Stauffenbergallee", "Löberstraße", "Regierungsstraße", "Marktstraße", "Schillerstraße",
    "Gothaer Straße", "Nordhäuser Straße", "Weimarische Straße", "Kranichfelder Straße",
    "Am Herrenberg", "Rigaer Straße", "Vilniuser Straße", "Salinenstraße", "Futterstraße",
)  # fmt: skip

POSTCODES = ("99084", "99085", "99086", "99087", "99089", "99091", "99092", "99094", "99096", "99097", "99099")

# Venues: (id, German name, English name, Arabic name or "", street, latitude, longitude)
VENUES = (
    ("zim", "Zentrum für Integration und Migration (ZIM)", "Centre for Integration and Migration (ZIM)",
     "مركز الاندماج والهجرة (ZIM)", "Mittelhäuser Straße 12", 50.9946, 11.0157),
    ("rathaus", "Rathaus Erfurt, Festsaal", "Erfurt City Hall, Banqueting Hall", "قاعة الاحتفالات في بلدية إرفورت",
     "Fischmarkt 1", 50.9787, 11.0290),
    ("kulturforum-anger", "Kulturforum am Anger", "Anger Cultural Forum", "", "Anger 18", 50.9760, 11.0341),
    ("stadtteilbibliothek-johannesplatz", "Stadtteilbibliothek Johannesplatz", "Johannesplatz District Library",
     "مكتبة حي يوهانس بلاتس", "Johannesplatz 4", 50.9862, 11.0489),
    ("familienzentrum-wiesenhuegel", "Familienzentrum Wiesenhügel", "Wiesenhügel Family Centre", "",
     "Hugo-John-Straße 8", 50.9451, 11.0398),
    ("begegnungszentrum-moskauer-platz", "Begegnungszentrum Moskauer Platz", "Moskauer Platz Community Centre",
     "مركز اللقاء في ساحة موسكو", "Moskauer Platz 20", 51.0072, 11.0131),
    ("diakonie-saal", "Saal der Diakonie", "Diakonie Hall", "", "Augustinerstraße 10", 50.9822, 11.0286),
    ("schule-roter-berg", "Gemeinschaftsschule Roter Berg, Aula", "Roter Berg Community School, Assembly Hall", "",
     "Julius-Leber-Ring 16", 51.0013, 11.0432),
    ("volkshochschule", "Volkshochschule Erfurt", "Erfurt Adult Education Centre", "الجامعة الشعبية في إرفورت",
     "Schottenstraße 7", 50.9799, 11.0263),
    ("bildungshaus-herrenberg", "Bildungshaus Herrenberg", "Herrenberg Education House", "",
     "Am Herrenberg 4", 50.9485, 11.0585),
    ("gemeindehaus-st-laurentius", "Gemeindehaus St. Laurentius", "St Laurentius Parish Hall", "",
     "Pergamentergasse 5", 50.9781, 11.0232),
    ("jugendhaus-rieth", "Jugendhaus Rieth", "Rieth Youth Centre", "", "Mainzer Straße 33", 51.0098, 11.0390),
)  # fmt: skip

# Working-group topics: (id, German, English, Arabic, [German meeting topics], [English meeting topics],
# offers its members often have)
GROUP_TOPICS = (
    ("sprache-bildung", "Sprache und Bildung", "Language and Education", "اللغة والتعليم",
     ("Wartelisten der Integrationskurse", "Übergänge von der Schule in Ausbildung und Studium",
      "Sprachförderung in Kitas", "Berufssprachkurse für Pflegekräfte", "Alphabetisierung Erwachsener"),
     ("Waiting lists for integration courses", "Transitions from school to training and university",
      "Language support in day-care centres", "Job-related language courses for carers", "Adult literacy"),
     ("language-course", "education")),
    ("arbeit-ausbildung", "Arbeit und Ausbildung", "Work and Vocational Training", "العمل والتدريب المهني",
     ("Anerkennung ausländischer Berufsabschlüsse", "Betriebe berichten: Einarbeitung mehrsprachiger Teams",
      "Ausbildungsplätze für junge Geflüchtete", "Arbeitsmarktzugang mit Duldung", "Praktikumsbörse im Herbst"),
     ("Recognition of foreign qualifications", "Companies report: onboarding multilingual teams",
      "Apprenticeships for young refugees", "Access to work with a toleration permit", "Internship fair in autumn"),
     ("work", "counselling")),
    ("frauen", "Frauen und Familie", "Women and Family", "المرأة والأسرة",
     ("Kurse mit Kinderbetreuung – eine Bestandsaufnahme", "Schutz vor Gewalt: Wege in die Beratung",
      "Elternarbeit in mehreren Sprachen", "Migrantinnen als Multiplikatorinnen", "Familienbildung vor Ort"),
     ("Courses with childcare – taking stock", "Protection from violence: ways into counselling",
      "Working with parents in several languages", "Migrant women as multipliers", "Family education nearby"),
     ("childcare", "counselling")),
    ("gesundheit", "Gesundheit", "Health", "الصحة",
     ("Mehrsprachige Impfinformationen", "Sprachmittlung in Arztpraxen", "Psychosoziale Versorgung Geflüchteter",
      "Gesundheitslotsen im Stadtteil", "Pflege und Migration"),
     ("Multilingual vaccination information", "Interpreting in doctors' surgeries",
      "Psychosocial care for refugees", "Health guides in the neighbourhood", "Care and migration"),
     ("health", "counselling")),
    ("kinder-jugend", "Kinder und Jugend", "Children and Youth", "الأطفال والشباب",
     ("Ferienangebote für alle Kinder", "Jugendliche ohne Ausbildungsplatz", "Schulsozialarbeit und Elternhaus",
      "Sport verbindet: Vereine öffnen sich", "Medienkompetenz in vielen Sprachen"),
     ("Holiday activities for all children", "Young people without an apprenticeship",
      "School social work and families", "Sport connects: clubs open up", "Media literacy in many languages"),
     ("leisure", "education")),
    ("wohnen", "Wohnen", "Housing", "السكن",
     ("Wohnungssuche mit Schufa-Hürden", "Nachbarschaft im Plattenbau", "Diskriminierung am Wohnungsmarkt",
      "Beratung bei Nebenkostenabrechnungen", "Gemeinschaftsunterkünfte und Auszug"),
     ("Searching for a flat despite credit checks", "Neighbourhood in prefabricated estates",
      "Discrimination on the housing market", "Advice on utility bills", "Shared accommodation and moving out"),
     ("housing", "counselling")),
    ("ehrenamt", "Ehrenamt und Engagement", "Volunteering and Civic Engagement", "التطوع والمشاركة المدنية",
     ("Patenschaftsprogramme im Vergleich", "Ehrenamtliche gewinnen und halten", "Versicherungsschutz im Ehrenamt",
      "Anerkennungskultur für Freiwillige", "Engagement von Zugewanderten sichtbar machen"),
     ("Mentoring programmes compared", "Finding and keeping volunteers", "Insurance for volunteers",
      "Showing appreciation for volunteers", "Making migrants' engagement visible"),
     ("volunteering", "leisure")),
    ("migrantenorganisationen", "Migrantenorganisationen und Teilhabe", "Migrant Organisations and Participation",
     "منظمات المهاجرين والمشاركة",
     ("Auswertung der Interkulturellen Woche", "Förderanträge gemeinsam schreiben", "Wahlen zum Ausländerbeirat",
      "Räume für Vereine im Stadtteil", "Vereinsgründung Schritt für Schritt"),
     ("Review of the Intercultural Week", "Writing funding applications together",
      "Elections to the foreigners' council", "Rooms for associations in the district",
      "Founding an association step by step"),
     ("culture", "counselling")),
)  # fmt: skip

GROUP_GOALS = (
    ("Wartelisten verkürzen und Angebote bekannter machen", "Shorten waiting lists and make services better known",
     "تقصير قوائم الانتظار والتعريف بالخدمات"),
    ("Mehrsprachige Informationen gemeinsam erstellen", "Produce multilingual information together",
     "إعداد معلومات متعددة اللغات بشكل مشترك"),
    ("Fachkräfte und Ehrenamtliche fortbilden", "Train professionals and volunteers",
     "تدريب المختصين والمتطوعين"),
    ("Lücken im Angebot an die Stadt melden", "Report gaps in services to the city",
     "إبلاغ المدينة بالنواقص في الخدمات"),
    ("Migrantinnen und Migranten an Entscheidungen beteiligen", "Involve migrants in decisions",
     "إشراك المهاجرين في اتخاذ القرارات"),
)  # fmt: skip

NATIONALITIES = (
    "Syrisch", "Afghanisch", "Ukrainisch", "Vietnamesisch", "Polnisch", "Kurdisch", "Eritreisch", "Somalisch",
    "Persisch", "Türkisch", "Rumänisch", "Irakisch", "Lateinamerikanisch", "Afrikanisch", "Russischsprachig",
)  # fmt: skip

# Member names by type: patterns with {place}, {district}, {last}, {nation} (adjective stem), {saint}.
MEMBER_PATTERNS: dict[str, tuple[str, ...]] = {
    "administration": (
        "Amt für Soziales {place}", "Ausländerbehörde {place}", "Jugendamt {place}", "Gesundheitsamt {place}",
        "Schulamt {place}", "Bürgeramt {place}", "Integrationsbeauftragte der Stadt {place}", "Jobcenter {place}",
        "Agentur für Arbeit {place}", "Amt für Bildung {place}",
    ),
    "welfare": (
        "Caritasverband {place}", "Diakonie {place}", "AWO Kreisverband {place}", "DRK Kreisverband {place}",
        "Johanniter-Unfall-Hilfe Regionalverband {place}", "Malteser Hilfsdienst {place}",
        "Paritätischer Wohlfahrtsverband, Regionalstelle {place}", "Volkssolidarität {place}",
        "Arbeiter-Samariter-Bund {place}",
    ),
    "association": (
        "Bürgerverein {district} e. V.", "Stadtteilverein {district} e. V.", "Initiative Willkommenspaten {district}",
        "Lesepaten {place} e. V.", "Interkultureller Garten {district} e. V.", "Mieterverein {place} e. V.",
        "Sportverein Grenzenlos {district} e. V.", "Theaterwerkstatt {district} e. V.", "Elternakademie {place}",
        "Frauenzentrum {district}", "Familienzentrum {district}", "Ehrenamtsagentur {place}",
        "Flüchtlingshilfe {district} e. V.",
    ),
    "migrant-organisation": (
        "{nation}er Kulturverein {place} e. V.", "{nation}e Gemeinschaft {place}",
        "Deutsch-{nation}er Freundeskreis e. V.",
        "{nation}er Eltern- und Familienverein {place}",
    ),
    "education": (
        "Volkshochschule {place}", "Sprachschule {last}", "Grundschule {district}", "Gemeinschaftsschule {district}",
        "Gymnasium {district}", "Berufsbildende Schule {place}", "Bildungswerk {last}", "Kita Regenbogen {district}",
    ),
    "church": (
        "Pfarrei St. {saint} {place}", "Evangelische Kirchengemeinde {district}", "Islamische Gemeinde {place}",
        "Internationale Gemeinde {place}",
    ),
    "company": (
        "Bäckerei {last}", "{last} Logistik GmbH", "Pflegedienst {last}", "Hotel am {district}",
        "IT-Haus {last} GmbH", "Wohnungsgenossenschaft {district} eG",
    ),
    "other": (
        "Radhaus {district}", "Refugee Law Clinic {place}", "Sprachmittlerpool {place}",
        "Psychosoziales Zentrum {place}",
    ),
}  # fmt: skip

# How many of 100 members have each type (the real network's mix, roughly).
MEMBER_TYPE_WEIGHTS = {
    "administration": 12, "welfare": 14, "association": 24, "migrant-organisation": 20,
    "education": 14, "church": 6, "company": 6, "other": 4,
}  # fmt: skip

SAINTS = ("Laurentius", "Martin", "Severi", "Crucis", "Wigbert", "Bonifatius", "Elisabeth", "Nikolai")

OFFERS = (
    "language-course", "counselling", "legal-advice", "childcare", "housing", "work", "health", "leisure",
    "volunteering", "education", "interpreting", "culture", "sports",
)  # fmt: skip

# Languages members offer their services in (ISO 639-1), besides German.
SERVICE_LANGUAGES = ("en", "ar", "fa", "ru", "uk", "tr", "vi", "pl", "ro", "es", "fr", "so", "ti", "ps", "ku")

MEMBER_TYPE_TEXT = {
    "administration": ("ist als Amt der Stadtverwaltung Ansprechpartner für Zugewanderte und für die Fachstellen "
                       "im Netzwerk", "is a city office and the contact for migrants and for the specialist services "
                       "in the network"),
    "welfare": ("berät Zugewanderte in allen Lebenslagen und unterhält Beratungsstellen in mehreren Stadtteilen",
                "advises migrants on all matters and runs counselling centres in several districts"),
    "association": ("bringt Menschen aus der Nachbarschaft zusammen und lebt vom Engagement seiner Mitglieder",
                    "brings people from the neighbourhood together and lives from the commitment of its members"),
    "migrant-organisation": ("wurde von Zugewanderten gegründet und begleitet Neuangekommene in ihrer Sprache",
                             "was founded by migrants and supports newcomers in their own language"),
    "education": ("bietet Kurse, Unterricht und Bildungsberatung für Kinder, Jugendliche und Erwachsene an",
                  "offers courses, teaching and educational guidance for children, young people and adults"),
    "church": ("lädt zu Gottesdiensten, Begegnungen und Hilfe im Alltag ein – unabhängig von Herkunft und Glauben",
               "invites people to services, encounters and everyday help, whatever their origin or faith"),
    "company": ("bildet aus, beschäftigt Menschen aus vielen Ländern und teilt seine Erfahrungen im Netzwerk",
                "trains apprentices, employs people from many countries and shares its experience in the network"),
    "other": ("unterstützt Zugewanderte mit einem besonderen Angebot, das andere Stellen ergänzt",
              "supports migrants with a special service that complements other organisations"),
}  # fmt: skip

OFFER_TEXT = {
    "language-course": ("Deutschkurse auf allen Niveaus", "German courses at all levels"),
    "counselling": ("Beratung in mehreren Sprachen", "counselling in several languages"),
    "legal-advice": ("Rechtsberatung zum Aufenthaltsrecht", "legal advice on residence law"),
    "childcare": ("Kinderbetreuung während der Kurse", "childcare during courses"),
    "housing": ("Hilfe bei der Wohnungssuche", "help with finding a flat"),
    "work": ("Begleitung in Arbeit und Ausbildung", "support on the way into work and training"),
    "health": ("Gesundheitsinformationen und Begleitung zu Ärzten", "health information and accompaniment to doctors"),
    "leisure": ("Freizeitangebote für Familien", "leisure activities for families"),
    "volunteering": ("Vermittlung von Ehrenamtlichen", "placing volunteers"),
    "education": ("Bildungsberatung", "educational guidance"),
    "interpreting": ("Sprachmittlung für Termine bei Ämtern", "interpreting for appointments with authorities"),
    "culture": ("Kulturveranstaltungen und Feste", "cultural events and festivals"),
    "sports": ("offene Sportgruppen", "open sports groups"),
}  # fmt: skip

# Topics of trainings, conferences and information evenings: (German, English, Arabic or "")
TRAINING_TOPICS = (
    ("Aufenthaltsrecht kompakt", "Residence law in brief", "قانون الإقامة باختصار"),
    ("Psychische Erste Hilfe", "Mental health first aid", "الإسعافات الأولية النفسية"),
    ("Einfach schreiben – Texte in Einfacher Sprache", "Writing in plain language", "الكتابة بلغة بسيطة"),
    ("Arbeiten mit Sprachmittlung", "Working with interpreters", "العمل مع المترجمين"),
    ("Interkulturelle Kommunikation im Beratungsalltag", "Intercultural communication in counselling", ""),
    ("Antidiskriminierung im Alltag", "Anti-discrimination in everyday life", "مكافحة التمييز في الحياة اليومية"),
    ("Traumasensible Begleitung", "Trauma-sensitive support", ""),
    ("Datenschutz in Beratungsstellen", "Data protection in counselling services", ""),
    ("Fördermittel beantragen", "Applying for funding", "التقدم بطلب للحصول على تمويل"),
    ("Moderation mehrsprachiger Gruppen", "Moderating multilingual groups", ""),
    ("Sozialleistungen für Zugewanderte", "Social benefits for migrants", "المساعدات الاجتماعية للمهاجرين"),
    ("Anerkennung von Abschlüssen", "Recognition of qualifications", "الاعتراف بالشهادات"),
)  # fmt: skip

CONFERENCE_TOPICS = (
    ("Mehrsprachigkeit", "Multilingualism"), ("Gesundheit und Migration", "Health and migration"),
    ("Wohnen für alle", "Housing for everyone"), ("Teilhabe vor Ort", "Participation locally"),
    ("Arbeitsmarkt und Fachkräfte", "Labour market and skilled workers"), ("Bildungswege", "Educational paths"),
    ("Kinder stark machen", "Strengthening children"), ("Alter und Migration", "Ageing and migration"),
)  # fmt: skip

# Free-text locations of festivals and weeks: (German, English, Arabic)
LOCATIONS = (
    ("Domplatz", "Cathedral Square", "ساحة الكاتدرائية"),
    ("Verschiedene Orte in Erfurt", "Various venues in Erfurt", "أماكن مختلفة في إرفورت"),
    ("Petersberg, Festplatz", "Petersberg, festival ground", "بيترسبرغ، ساحة الاحتفالات"),
    ("Egapark, Wiese am Eingang Nord", "Egapark, meadow by the north entrance", ""),
)  # fmt: skip

MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip
MONTHS_AR = ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
             "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
             "كانون الأول/ديسمبر")  # fmt: skip
WEEKDAYS_DE = ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
