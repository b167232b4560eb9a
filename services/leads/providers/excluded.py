"""Sites that show up in searches for companies but are not the companies themselves.

Entries are matched against the host and every parent domain of a result (``de.linkedin.com``
matches ``linkedin.com``; ``firmen.wko.at`` matches only that branch of ``wko.at``). An entry
without a dot is a brand label and matches that name under any public suffix (``google`` covers
``google.de``, ``google.co.uk`` …); only unmistakable brands are written that way, so a small firm
that happens to share a word with a portal is not dropped.

The category becomes the ``reason`` of a skipped result. Only true directories are listed: a
professional body or software vendor whose domain merely contains "steuerberater" is left alone.
"""

from __future__ import annotations

# fmt: off
SOCIAL: tuple[str, ...] = (
    "facebook", "fb.com", "fb.me", "instagram", "linkedin", "lnkd.in", "xing", "twitter", "x.com", "t.co",
    "youtube", "youtu.be", "tiktok", "pinterest", "threads.net", "snapchat.com", "reddit.com", "tumblr.com",
    "vimeo.com", "flickr.com", "mastodon.social", "bsky.app", "whatsapp.com", "wa.me", "t.me", "telegram.org",
    "medium.com", "quora.com", "linktr.ee", "discord.com", "discord.gg",
)

DIRECTORIES: tuple[str, ...] = (
    # German business directories and phone books
    "gelbeseiten.de", "dasoertliche.de", "dastelefonbuch.de", "telefonbuch.de", "11880.com", "klicktel.de",
    "goyellow.de", "golocal.de", "meinestadt.de", "cylex", "cylex-branchenbuch.de", "hotfrog.de", "opendi.de",
    "infobel.com", "stadtbranchenbuch.com", "branchenbuch.de", "yasni.de", "marktplatz-mittelstand.de",
    "werkenntdenbesten.de", "wlw.de", "europages", "kompass.com", "yellowpages", "yell.com",
    # company registers and business-data portals
    "northdata", "firmenwissen.de", "companyhouse.de", "unternehmensregister.de", "handelsregister.de",
    "bundesanzeiger.de", "online-handelsregister.de", "handelsregisterbekanntmachungen.de", "dnb.com",
    "opencorporates.com", "crunchbase.com", "zoominfo.com", "firmeneintrag.creditreform.de", "implisense.com",
    # reviews, ratings, employer ratings, professional search portals
    "yelp", "trustpilot", "provenexpert.com", "kununu.com", "glassdoor", "ausgezeichnet.org", "jameda.de",
    "doctolib", "sanego.de", "arzt-auskunft.de", "docinsider.de", "weisse-liste.de", "anwalt.de",
    "anwaltauskunft.de", "anwalt24.de", "anwalt.org", "advocado.de", "123recht.de", "frag-einen-anwalt.de",
    "rechtsanwaltsregister.org", "steuerberater-suchservice.de", "smartexperts.de",
    # jobs
    "indeed", "stepstone", "monster.de", "monster.at", "monster.ch", "monster.com", "jobware.de",
    "arbeitsagentur.de", "stellenanzeigen.de", "karriere.at", "jobs.ch", "jobscout24.ch", "jooble.org",
    # trades, comparison, marketplaces, classifieds, real estate
    "myhammer.de", "blauarbeit.de", "aroundhome.de", "houzz", "check24", "idealo", "amazon", "ebay",
    "kleinanzeigen.de", "etsy", "otto.de", "immowelt", "immobilienscout24", "immonet.de", "willhaben.at",
    "ricardo.ch", "tutti.ch",
    # search engines, maps, link shorteners, app stores
    "google", "g.page", "goo.gl", "g.co", "bing", "yahoo", "duckduckgo.com", "ecosia.org", "startpage.com",
    "qwant.com", "maps.apple.com", "apps.apple.com", "openstreetmap.org", "here.com", "mapquest.com",
    "bit.ly", "tinyurl.com",
    # encyclopaedias
    "wikipedia", "wikimedia.org", "wikidata.org", "wiktionary.org", "fandom.com",
    # travel and hospitality portals
    "tripadvisor", "booking.com", "holidaycheck.de", "expedia", "trivago", "hrs.de",
    # news media (rankings such as "Top-Steuerberater" lists)
    "focus.de", "handelsblatt.com", "capital.de", "sueddeutsche.de", "spiegel.de", "welt.de", "faz.net",
    "zeit.de", "bild.de", "merkur.de", "tz.de", "abendzeitung-muenchen.de", "t-online.de", "n-tv.de",
    "tagesschau.de", "stern.de", "morgenpost.de", "abendblatt.de", "mopo.de",
    # authorities, chambers, city portals
    "bund.de", "ihk.de", "hwk.de", "muenchen.de", "hamburg.de", "berlin.de", "wko.at", "admin.ch",
    # Austria and Switzerland
    "herold.at", "firmenabc.at", "firmen.wko.at", "local.ch", "search.ch", "moneyhouse", "zefix.ch",
    "help.ch", "easymonitoring.ch", "monetas.ch",
)

# File hosts and CDNs: a PDF found there says nothing about whose site it is.
HOSTING: tuple[str, ...] = (
    "amazonaws.com", "cloudfront.net", "googleapis.com", "googleusercontent.com", "gstatic.com",
    "akamaized.net", "azureedge.net", "blob.core.windows.net", "cdn.shopify.com", "dropbox.com",
    "dropboxusercontent.com", "issuu.com", "yumpu.com", "scribd.com", "slideshare.net", "calameo.com",
    "docplayer.org", "docplayer.net", "archive.org",
)

# Mailbox providers: an e-mail address pasted into a list names a person's mailbox, not a company site (the
# extractor asks the same list whether an address is a mailbox provider's: extraction/emails.is_freemail).
FREEMAIL: tuple[str, ...] = (
    "gmail.com", "googlemail.com", "gmx", "web.de", "t-online.de", "freenet.de", "outlook.com", "outlook.de",
    "hotmail", "live.com", "live.de", "icloud.com", "me.com", "aol", "yahoo", "posteo.de", "posteo.net",
    "mailbox.org", "mail.de", "email.de", "online.de", "arcor.de", "kabelmail.de", "vodafone.de", "proton.me",
    "protonmail.com", "pm.me", "bluewin.ch", "hispeed.ch", "sunrise.ch", "aon.at", "chello.at", "a1.net",
)
# fmt: on

DEFAULT_EXCLUDED_DOMAINS: tuple[str, ...] = SOCIAL + DIRECTORIES + HOSTING + FREEMAIL

CATEGORIES: dict[str, str] = {
    **dict.fromkeys(DIRECTORIES, "directory"),
    **dict.fromkeys(HOSTING, "hosting"),
    **dict.fromkeys(FREEMAIL, "freemail"),
    **dict.fromkeys(SOCIAL, "social"),
}
