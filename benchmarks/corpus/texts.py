"""Descriptions of events in Markdown (German, sometimes English and Arabic), of realistic length."""

from __future__ import annotations

import random

PADLET = "https://padlet.example/netzwerk-integration-erfurt"
MEET = "https://meet.netzwerk-integration-erfurt.example"

_OPENERS_DE = (
    "Wir laden alle Mitglieder und Interessierten herzlich ein.",
    "Die Veranstaltung richtet sich an Fachkräfte, Ehrenamtliche und alle, die neu in Erfurt sind.",
    "Bringen Sie gern Kolleginnen und Kollegen mit, die das Netzwerk kennenlernen möchten.",
    "Für Getränke und einen kleinen Imbiss ist gesorgt.",
    "Eine Sprachmittlung ins Arabische, Russische und Ukrainische ist auf Wunsch möglich.",
)  # fmt: skip
_OPENERS_EN = (
    "All members and everyone interested are warmly invited.",
    "The event is for professionals, volunteers and everyone who is new to Erfurt.",
    "Feel free to bring colleagues who would like to get to know the network.",
    "Drinks and a small snack will be provided.",
    "Interpreting into Arabic, Russian and Ukrainian is available on request.",
)  # fmt: skip
_ARABIC = (
    "ندعو جميع الأعضاء والمهتمين إلى المشاركة. تتوفر ترجمة إلى اللغة العربية عند الطلب، والدخول مجاني.\n",
    "الفعالية مفتوحة للجميع، ولا يلزم التسجيل المسبق. يمكن إحضار الأطفال، وتتوفر رعاية لهم في القاعة المجاورة.\n",
    "يرجى التسجيل قبل الموعد بأسبوع. ستُرسل المواد والعروض التقديمية بعد الفعالية عبر البريد الإلكتروني.\n",
)  # fmt: skip


def _pick(rng: random.Random, de: tuple[str, ...], en: tuple[str, ...], count: int) -> tuple[str, str]:
    chosen = rng.sample(range(len(de)), count)
    return " ".join(de[i] for i in chosen), " ".join(en[i] for i in chosen)


def with_translations(rng: random.Random, de: str, en: str, english: float, arabic: float) -> dict[str, str]:
    """A translatable text: always German, English and Arabic with the given probabilities."""
    text = {"de": de}
    if rng.random() < english:
        text["en"] = en
    if rng.random() < arabic:
        text["ar"] = rng.choice(_ARABIC)
    return text


def network_meeting(rng: random.Random, number: int, theme_de: str, theme_en: str) -> dict[str, str]:
    more_de, more_en = _pick(rng, _OPENERS_DE, _OPENERS_EN, 2)
    de = (
        f"Die {number}. Netzwerktagung steht unter dem Thema **„{theme_de}“**. Die Koordination und die "
        "Sprecherinnen und Sprecher der Arbeitsgruppen berichten, was sich seit der letzten Tagung getan hat.\n\n"
        "Ablauf:\n\n- 14:00 Uhr Begrüßung und Neues aus dem Netzwerk\n"
        f"- 14:20 Uhr Fachrunde: {theme_de}\n- 15:30 Uhr Netzwerkcafé: Zeit für Gespräche bei Kaffee und Kuchen\n"
        "- 16:15 Uhr Berichte aus den Arbeitsgruppen und Termine\n- 17:00 Uhr Ende\n\n"
        f"{more_de} Unterlagen der letzten Tagung finden Sie [im Padlet des Netzwerks]({PADLET}).\n"
    )
    en = (
        f"Network meeting no. {number} is dedicated to **“{theme_en}”**. The coordination team and the "
        "spokespersons of the working groups report on what has happened since the last meeting.\n\n"
        "Programme:\n\n- 2 pm welcome and news from the network\n"
        f"- 2:20 pm panel: {theme_en}\n- 3:30 pm network café: time to talk over coffee and cake\n"
        "- 4:15 pm reports from the working groups and dates\n- 5 pm end\n\n"
        f"{more_en} Documents of the last meeting are [on the network's Padlet]({PADLET}).\n"
    )
    return with_translations(rng, de, en, english=0.9, arabic=0.5)


def cafe(rng: random.Random) -> dict[str, str]:
    more_de, more_en = _pick(rng, _OPENERS_DE, _OPENERS_EN, 2)
    de = (
        "Beim **Netzwerkcafé** lernen sich Mitglieder, neue Organisationen und Interessierte in entspannter "
        f"Runde kennen. Es gibt keine Tagesordnung, aber viel Zeit für Gespräche. {more_de}\n\n"
        "Neue Mitglieder stellen sich kurz vor; wer möchte, bringt Flyer und Informationen mit.\n"
    )
    en = (
        "At the **network café** members, new organisations and anyone interested get to know each other in a "
        f"relaxed setting. There is no agenda, but plenty of time to talk. {more_en}\n\n"
        "New members briefly introduce themselves; bring flyers and information if you like.\n"
    )
    return with_translations(rng, de, en, english=0.6, arabic=0.3)


def group_meeting(rng: random.Random, group_de: str, topic_de: str, email: str) -> dict[str, str]:
    de = (
        f"Sitzung der {group_de}. Schwerpunkt dieses Treffens: **{topic_de}**.\n\n"
        "Außerdem stehen Berichte aus den Mitgliedsorganisationen und die nächsten Termine auf der Tagesordnung. "
        f"Gäste sind willkommen. Bitte melden Sie sich vorher unter {email} an.\n"
    )
    return {"de": de}


def training(rng: random.Random, topic_de: str, topic_en: str, online: bool) -> dict[str, str]:
    more_de, more_en = _pick(rng, _OPENERS_DE, _OPENERS_EN, 1)
    where_de = (
        "Die Schulung findet als Videokonferenz statt; Sie brauchen nur einen Browser. Der Link ist eine "
        "Viertelstunde vor Beginn geöffnet."
        if online
        else "Die Teilnahme ist kostenlos, die Zahl der Plätze ist begrenzt."
    )
    where_en = (
        "The training takes place as a video conference; all you need is a web browser. The link opens a quarter "
        "of an hour before the start."
        if online
        else "Participation is free of charge; places are limited."
    )
    de = (
        f"In der Schulung **{topic_de}** geht es um Fragen aus dem Beratungsalltag. Eine Referentin aus der "
        "Praxis stellt die Grundlagen vor, danach arbeiten wir an Fällen aus den Mitgliedsorganisationen.\n\n"
        f"{where_de} {more_de} Material zur Vorbereitung gibt es [beim Netzwerk]({PADLET}).\n"
    )
    en = (
        f"The training **{topic_en}** deals with questions from everyday counselling. A practitioner presents "
        "the basics, then we work on cases from the member organisations.\n\n"
        f"{where_en} {more_en} Preparation material is available [from the network]({PADLET}).\n"
    )
    return with_translations(rng, de, en, english=0.5, arabic=0.2)


def conference(rng: random.Random, topic_de: str, topic_en: str) -> dict[str, str]:
    de = (
        f"Der Fachtag **{topic_de}** bringt Praxis, Verwaltung und Wissenschaft zusammen. Am Vormittag gibt es "
        "zwei Vorträge, am Nachmittag Workshops in kleinen Gruppen.\n\n"
        "- 09:00 Uhr Ankommen und Begrüßung\n- 09:30 Uhr Vorträge und Diskussion\n- 12:00 Uhr Mittagspause\n"
        "- 13:00 Uhr Workshops\n- 15:00 Uhr Ergebnisse und Ausblick\n\n"
        f"Die Dokumentation früherer Fachtage finden Sie [im Padlet]({PADLET}). Anmeldung bis eine Woche vorher.\n"
    )
    en = (
        f"The conference **{topic_en}** brings together practice, administration and research. In the morning "
        "there are two talks, in the afternoon workshops in small groups.\n\n"
        "- 9 am arrival and welcome\n- 9:30 am talks and discussion\n- 12 noon lunch break\n"
        "- 1 pm workshops\n- 3 pm results and outlook\n\n"
        f"Documentation of earlier conferences is [on the Padlet]({PADLET}). Please register a week in advance.\n"
    )
    return with_translations(rng, de, en, english=0.8, arabic=0.3)


def general(rng: random.Random, title_de: str, title_en: str) -> dict[str, str]:
    more_de, more_en = _pick(rng, _OPENERS_DE, _OPENERS_EN, 3)
    de = f"**{title_de}**: {more_de}\n\nWeitere Informationen erhalten Sie bei der Koordination des Netzwerks.\n"
    en = f"**{title_en}**: {more_en}\n\nFor more information, please contact the network's coordination team.\n"
    return with_translations(rng, de, en, english=0.5, arabic=0.25)


def series(rng: random.Random, what_de: str, what_en: str, note_de: str, note_en: str) -> dict[str, str]:
    de = (
        f"{what_de} Ohne Anmeldung, kostenlos und für alle offen.\n\n{note_de}\n\n"
        "Aktuelle Änderungen stehen im Veranstaltungskalender; wer ihn abonniert, sieht sie sofort.\n"
    )
    en = (
        f"{what_en} No registration, free of charge and open to everyone.\n\n{note_en}\n\n"
        "Changes are shown in the event calendar; subscribers see them straight away.\n"
    )
    return with_translations(rng, de, en, english=0.7, arabic=0.4)
