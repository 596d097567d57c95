"""Builds the site from the data files in content/ beside this module.

Every object the loader makes gets a translation key derived from its key in the
data files, so a later run finds it again however staff have renamed or moved it.
Objects that already exist are left exactly as they are: the loader only adds
what is missing, so running it twice changes nothing and staff edits survive.
"""

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from django.conf import settings
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPageOrganisation,
    CampaignPagePerson,
    CampaignPagePolicyArea,
    MeetingIndexPage,
)
from home.editorial.review_dates.signals import store_review_date
from home.models import (
    HomePage,
    HomePageFeaturedCampaign,
    OrganisationSettings,
    StandardPage,
)
from people.models import Organisation, Person
from policy.models import Bill, PolicyAreaPage, PolicyIndexPage

from .translation import TARGET_LANGUAGE, translate_seed

CONTENT_DIR = Path(__file__).resolve().parent / "content"
KEY_NAMESPACE = uuid.UUID("6f1c1c57-37a4-4b53-9a0c-8d2f0b1e5a10")


def translation_key(kind, key):
    """The stable translation key of a seed object."""
    return uuid.uuid5(KEY_NAMESPACE, f"{kind}:{key}")


def stable_stream(stream_block, raw, seed):
    """Stream data whose block and list-item ids derive from seed, not chance.

    wagtail-localize addresses each translatable string by a path of block ids, so
    the committed Spanish PO file only fits blocks whose ids are the same on every
    install. Every child is converted before saving: a lazy StreamValue would keep
    list items in the legacy id-less form, from which wagtail-localize extracts no
    strings at all (overrides registry: stream-list-ids).
    """
    value = stream_block.to_python(raw)
    for _child in value:
        pass
    prepared = stream_block.get_prep_value(value)

    def assign(node, path):
        if isinstance(node, list):
            for position, child in enumerate(node):
                assign(child, f"{path}.{position}")
        elif isinstance(node, dict):
            if "type" in node and "id" in node:
                node["id"] = str(uuid.uuid5(KEY_NAMESPACE, f"{seed}{path}"))
            for name, child in node.items():
                assign(child, f"{path}.{name}")

    assign(prepared, "")
    return prepared


def site_address(base_url):
    """(hostname, port) of a Wagtail site at an address like https://example.org."""
    address = urlsplit(base_url)
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname or "localhost", address.port or default_port


def read(name):
    with open(CONTENT_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    kept: int = 0
    translated: list = field(default_factory=list)

    def __str__(self):
        return (
            f"{len(self.created)} created, "
            f"{self.kept} already present and left as they are, "
            f"{len(self.translated)} translated into Spanish"
        )


class SiteContentLoader:
    def __init__(self):
        self.report = LoadReport()
        self.locale = None
        # (label, object) for every seed object, parents before children, so
        # translations can be made in an order wagtail-localize accepts.
        self.seed = []
        self.settings_created = False
        # {seed label: review-by date} for the pages the data files date.
        self.review_dates = {}

    @transaction.atomic
    def load(self, translate=True):
        self.locale = self._ensure_locales()
        site_data = read("organisation")
        home, home_created = self._home(site_data)
        self._settings(site_data["settings"])
        people_data = read("people")
        people = self._snippets(Person, "person", people_data["people"])
        organisations = self._snippets(
            Organisation, "organisation", people_data["organisations"]
        )
        bills = self._snippets(Bill, "bill", read("bills")["bills"])
        campaign_index = self._page(
            home, CampaignIndexPage, site_data["campaign_index"], menu=True
        )
        policy_index = self._page(
            home, PolicyIndexPage, site_data["policy_index"], menu=True
        )
        self._meeting_index(home, site_data["meeting_index"])
        areas = {
            item["key"]: self._page(policy_index, PolicyAreaPage, item)
            for item in read("policy_areas")["policy_areas"]
        }
        campaigns = {
            item["key"]: self._campaign(
                campaign_index, item, people, organisations, bills, areas
            )
            for item in read("campaigns")["campaigns"]
        }
        standard_pages = {
            item["key"]: self._page(
                home, StandardPage, item, menu=item.get("show_in_menus", True)
            )
            for item in site_data["standard_pages"]
        }
        self._link_privacy_page(standard_pages["privacy"])
        if home_created:
            self._feature_campaigns(home, site_data["home"], campaigns)
        if translate:
            self.report.translated = translate_seed(self.seed)
            self._date_new_translations()
        return self.report

    # Locales, site and settings

    def _ensure_locales(self):
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        return Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    def _home(self, data):
        key = translation_key("page", data["home"]["key"])
        existing = HomePage.objects.filter(
            translation_key=key, locale=self.locale
        ).first()
        if existing:
            self.report.kept += 1
            self.seed.append((f"page:{data['home']['key']}", existing))
            return existing, False
        root = Page.get_first_root_node()
        home = HomePage(
            title=data["home"]["title"],
            slug="home",
            introduction=data["home"].get("introduction", ""),
            body=stable_stream(
                HomePage._meta.get_field("body").stream_block,
                data["home"].get("body", []),
                f"page:{data['home']['key']}:body",
            ),
            translation_key=key,
            locale=self.locale,
        )
        placeholder = (
            root.get_children().filter(slug="home").exclude(translation_key=key)
        )
        for page in placeholder:
            if page.specific_class is Page:
                page.delete()
        root.add_child(instance=home)
        home.save_revision().publish()
        self.seed.append((f"page:{data['home']['key']}", home))
        # The site's address makes every absolute link (canonical, hreflang, the
        # sitemap); it comes from WAGTAILADMIN_BASE_URL, the public address.
        site = Site.objects.filter(is_default_site=True).first() or Site(
            is_default_site=True
        )
        site.hostname, site.port = site_address(settings.WAGTAILADMIN_BASE_URL)
        site.root_page = home
        site.site_name = site.site_name or data["settings"]["name"]
        site.save()
        self.report.created.append(home)
        return home, True

    def _settings(self, data):
        """Fill the organisation settings the first time only: later, staff own them."""
        site = Site.objects.get(is_default_site=True)
        if OrganisationSettings.objects.filter(site=site).exists():
            return
        self.settings_created = True
        OrganisationSettings.objects.create(site=site, **data)

    def _link_privacy_page(self, page):
        if not self.settings_created:
            return
        org = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
        org.privacy_page = page
        org.save(update_fields=["privacy_page"])

    # Snippets

    def _snippets(self, model, kind, items):
        found = {}
        for item in items:
            data = dict(item)
            key = translation_key(kind, data.pop("key"))
            obj = model.objects.filter(translation_key=key, locale=self.locale).first()
            if obj is None:
                obj = model(translation_key=key, locale=self.locale, **data)
                obj.save()
                obj.save_revision().publish()
                self.report.created.append(obj)
            else:
                self.report.kept += 1
            found[item["key"]] = obj
            self.seed.append((f"{kind}:{item['key']}", obj))
        return found

    # Pages

    def _page(self, parent, model, data, menu=False, related=None):
        """The page with this seed key, created under parent if missing."""
        key = translation_key("page", data["key"])
        existing = model.objects.filter(translation_key=key, locale=self.locale).first()
        if existing:
            self.report.kept += 1
            self.seed.append((f"page:{data['key']}", existing))
            return existing
        values = {
            name: value
            for name, value in data.items()
            if name not in {"key", "show_in_menus"}
        }
        for name, value in values.items():
            field = model._meta.get_field(name)
            if isinstance(field, StreamField):
                values[name] = stable_stream(
                    field.stream_block, value, f"page:{data['key']}:{name}"
                )
        if "review_by" in values:
            self.review_dates[f"page:{data['key']}"] = values["review_by"]
        page = model(
            translation_key=key,
            locale=self.locale,
            show_in_menus=menu,
            **values,
            **(related or {}),
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.created.append(page)
        self.seed.append((f"page:{data['key']}", page))
        return page

    def _meeting_index(self, home, data):
        """The meetings index, with no meetings: the seed gives none. One that
        staff made before the seed had it is kept (there is one per language)."""
        made_by_staff = MeetingIndexPage.objects.filter(locale=self.locale).exclude(
            translation_key=translation_key("page", data["key"])
        )
        if made_by_staff.exists():
            return made_by_staff.first()
        return self._page(home, MeetingIndexPage, data, menu=True)

    def _date_new_translations(self):
        """A date in the data files holds in both languages: the Spanish copies
        made by this run take it (the first publication gave them the default).
        Copies that already existed are staff's and left as they are."""
        for label, instance in self.seed:
            if label in self.review_dates and label in self.report.translated:
                store_review_date(
                    instance.get_translation(
                        Locale.objects.get(language_code=TARGET_LANGUAGE)
                    ),
                    self.review_dates[label],
                )

    def _campaign(self, index, data, people, organisations, bills, areas):
        relation_names = {"organisations", "people", "policy_areas"}
        values = {
            name: value for name, value in data.items() if name not in relation_names
        }
        values["demands"] = [
            {"type": "demand", "value": self._demand(demand, bills)}
            for demand in data.get("demands", [])
        ]
        related = {
            "organisations": [
                CampaignPageOrganisation(
                    organisation=organisations[link["organisation"]],
                    role=link["role"],
                    sort_order=order,
                )
                for order, link in enumerate(data.get("organisations", []))
            ],
            "people": [
                CampaignPagePerson(
                    person=people[link["person"]], role=link["role"], sort_order=order
                )
                for order, link in enumerate(data.get("people", []))
            ],
            "policy_area_links": [
                CampaignPagePolicyArea(policy_area=areas[area_key], sort_order=order)
                for order, area_key in enumerate(data.get("policy_areas", []))
            ],
        }
        return self._page(index, CampaignPage, values, related=related)

    @staticmethod
    def _demand(data, bills):
        return {
            "demand": data["demand"],
            "detail": data.get("detail", ""),
            "kind": data["kind"],
            "amount": data.get("amount"),
            "bills": [bills[bill_key].pk for bill_key in data.get("bills", [])],
            "who_must_act": data.get("who_must_act", ""),
            "status": data.get("status", "campaigning"),
        }

    def _feature_campaigns(self, home, data, campaigns):
        home.featured_campaigns = [
            HomePageFeaturedCampaign(page=campaigns[key], sort_order=order)
            for order, key in enumerate(data.get("featured_campaigns", []))
        ]
        home.save_revision().publish()
