"""The contacts and links tables: e-mails, phones and links, each link's platform and user."""

from __future__ import annotations

import re

from resume_etl.nlp import labels
from resume_etl.nlp.contacts import ContactMatch, ProfileSite, profile_sites
from resume_etl.stages.extract._draft import ContactCandidate, Extracted, LinkCandidate
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.vocab import ContactKind, LinkPlatform

_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/?#]+)([^?#]*)(?:\?([^#]*))?", re.I)


def classify_link(raw: str) -> tuple[str, LinkPlatform, str | None]:
    """(url with scheme, platform, username) of a link as written."""
    url = raw if raw.lower().startswith(("http://", "https://")) else f"https://{raw}"
    match = _HOST.match(raw)
    host = match.group(1).lower() if match else ""
    path_parts = [part for part in (match.group(2) if match else "").split("/") if part]
    query = match.group(3) or "" if match else ""
    for site in profile_sites():
        if site.platform is not LinkPlatform.WEBSITE and _hosts(site, host):
            return url, site.platform, _username(site.platform, path_parts, query)
    return url, LinkPlatform.WEBSITE, None


def _hosts(site: ProfileSite, host: str) -> bool:
    """Whether ``host`` is the site's: its domain, a subdomain, or a host starting with it
    ("scholar.google." for a site under country domains)."""
    name = site.domain.rsplit(".", 1)[0] + "." if site.country_domains else site.domain
    return host == name or host.endswith("." + name) or host.startswith(name)


def _username(platform: LinkPlatform, path_parts: list[str], query: str) -> str | None:
    if platform is LinkPlatform.SCHOLAR:
        found = re.search(r"(?:^|&)user=([\w-]+)", query)
        return found.group(1) if found else None
    if platform is LinkPlatform.LINKEDIN:
        return path_parts[1] if len(path_parts) > 1 and path_parts[0] in ("in", "pub") else None
    return path_parts[0] if path_parts else None


def extract_contacts(
    spans: SpanIndex,
) -> tuple[tuple[LinkCandidate, ...], tuple[ContactCandidate, ...]]:
    links, contacts = [], []
    for span in spans.groups[labels.CONTACTS]:
        match: ContactMatch = span._.get(labels.CONTACT_ATTR)
        found = Extracted(match.text, match.start_char, match.end_char, 0.95)
        if match.label == labels.URL:
            url, platform, username = classify_link(match.text)
            links.append(LinkCandidate(text=found, url=url, platform=platform, username=username))
        else:
            kind = ContactKind.EMAIL if match.label == labels.EMAIL else ContactKind.PHONE
            contacts.append(ContactCandidate(value=found, kind=kind, normalized=match.normalized))
    return tuple(links), tuple(contacts)
