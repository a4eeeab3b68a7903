"""The content pages (about, join, contact, imprint, privacy, accessibility) in German, English, Arabic."""

from __future__ import annotations

# slug: (menu, order, {lang: (title, body)})
PAGES: dict[str, tuple[str, int, dict[str, tuple[str, str]]]] = {
    "about": ("main", 1, {
        "de": ("Über uns", "Das Netzwerk für Integration verbindet seit 1999 Ämter, Verbände, Vereine, Schulen und "
               "Unternehmen in Erfurt.\n\n## Geschichte\n\nEs ging aus einem **Runden Tisch** hervor und wird seit "
               "2002 von der Stadt gefördert.\n\n## Koordination\n\nDie Koordinierungsstelle sitzt im Zentrum für "
               "Integration und Migration. Schreiben Sie an netzwerk@netzwerk-integration-erfurt.example."),
        "en": ("About us", "Since 1999 the Network for Integration has linked city offices, associations, schools "
               "and companies in Erfurt.\n\n## History\n\nIt grew out of a **round table** and has been funded by "
               "the city since 2002."),
        "ar": ("من نحن", "تربط شبكة الاندماج منذ عام 1999 بين دوائر المدينة والجمعيات والمدارس والشركات في إرفورت."),
    }),
    "join": ("main", 2, {
        "de": ("Mitglied werden", "Mitglied werden können alle Organisationen und Initiativen, die in Erfurt mit "
               "Zugewanderten arbeiten.\n\n1. Schreiben Sie uns eine kurze E-Mail.\n2. Stellen Sie sich bei der "
               "nächsten Netzwerktagung vor.\n3. Wählen Sie die Arbeitsgruppen, in denen Sie mitarbeiten möchten.\n\n"
               "Die Mitgliedschaft ist **kostenlos**."),
        "en": ("Become a member", "All organisations and initiatives working with migrants in Erfurt can join. "
               "Membership is **free of charge**."),
        "ar": ("الانضمام إلى الشبكة", "يمكن لجميع المنظمات والمبادرات التي تعمل مع المهاجرين في إرفورت الانضمام."),
    }),
    "contact": ("main", 3, {
        "de": ("Kontakt", "Koordinierungsstelle des Netzwerks für Integration\n\nMittelhäuser Straße 12, 99089 Erfurt"
               "\n\nE-Mail: netzwerk@netzwerk-integration-erfurt.example, Telefon: +49 361 5551057"),
        "en": ("Contact", "Coordination office of the Network for Integration, Mittelhäuser Straße 12, 99089 Erfurt"),
        "ar": ("اتصل بنا", "مكتب تنسيق شبكة الاندماج، Mittelhäuser Straße 12، إرفورت"),
    }),
    "imprint": ("footer", 1, {
        "de": ("Impressum", "Angaben gemäß § 5 DDG: Internationaler Bund (IB) Mitte gGmbH, Mittelhäuser Straße 12, "
               "99089 Erfurt.\n\nVerantwortlich für den Inhalt: die Koordination des Netzwerks."),
        "en": ("Imprint", "Information according to § 5 DDG: Internationaler Bund (IB) Mitte gGmbH, Erfurt."),
        "ar": ("بيانات النشر", "المعلومات وفقًا للمادة 5 من قانون الخدمات الرقمية."),
    }),
    "privacy": ("footer", 2, {
        "de": ("Datenschutz", "Diese Website setzt **keine Cookies** und lädt nichts von anderen Servern.\n\n"
               "## Kontaktpersonen\n\nNamen und Kontaktdaten von Ansprechpersonen veröffentlichen wir nur mit "
               "Einwilligung und nur, solange die Organisation Mitglied ist."),
        "en": ("Privacy", "This website sets **no cookies** and loads nothing from other servers."),
        "ar": ("حماية البيانات", "لا يستخدم هذا الموقع ملفات تعريف الارتباط."),
    }),
    "accessibility": ("footer", 3, {
        "de": ("Barrierefreiheit", "Wir möchten, dass alle diese Website nutzen können. Sie ist nach den WCAG 2.1 "
               "(Stufe AA) gestaltet.\n\nWenn Ihnen eine Barriere auffällt, schreiben Sie uns bitte."),
        "en": ("Accessibility", "We want everyone to be able to use this website. It follows WCAG 2.1 (level AA)."),
        "ar": ("إمكانية الوصول", "نريد أن يتمكن الجميع من استخدام هذا الموقع."),
    }),
}  # fmt: skip


def page_files() -> dict[str, str]:
    """File name under content/pages/ -> text."""
    files = {}
    for slug, (menu, order, versions) in PAGES.items():
        for lang, (title, body) in versions.items():
            name = f"{slug}.md" if lang == "de" else f"{slug}.{lang}.md"
            header = f"Title: {title}\nSlug: {slug}\nLang: {lang}\n"
            if lang == "de":
                header += f"Menu: {menu}\nOrder: {order}\n"
            files[name] = f"{header}\n{body}\n"
    return files
