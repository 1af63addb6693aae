"""The contacts and links tables: e-mails, phones and links, each link's platform and user."""

from __future__ import annotations

import re

from resume_etl.nlp import labels
from resume_etl.nlp.contacts import ContactMatch
from resume_etl.stages.extract._draft import ContactCandidate, Extracted, LinkCandidate
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.vocab import ContactKind, LinkPlatform

_PLATFORMS: tuple[tuple[str, LinkPlatform], ...] = (
    ("linkedin.com", LinkPlatform.LINKEDIN),
    ("github.com", LinkPlatform.GITHUB),
    ("gitlab.com", LinkPlatform.GITLAB),
    ("scholar.google.", LinkPlatform.SCHOLAR),
    ("orcid.org", LinkPlatform.ORCID),
    ("twitter.com", LinkPlatform.TWITTER),
    ("x.com", LinkPlatform.TWITTER),
    ("stackoverflow.com", LinkPlatform.STACKOVERFLOW),
)
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/?#]+)([^?#]*)(?:\?([^#]*))?", re.I)


def classify_link(raw: str) -> tuple[str, LinkPlatform, str | None]:
    """(url with scheme, platform, username) of a link as written."""
    url = raw if raw.lower().startswith(("http://", "https://")) else f"https://{raw}"
    match = _HOST.match(raw)
    host = match.group(1).lower() if match else ""
    path_parts = [part for part in (match.group(2) if match else "").split("/") if part]
    query = match.group(3) or "" if match else ""
    for domain, platform in _PLATFORMS:
        if host == domain or host.endswith("." + domain) or host.startswith(domain):
            return url, platform, _username(platform, path_parts, query)
    return url, LinkPlatform.WEBSITE, None


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
