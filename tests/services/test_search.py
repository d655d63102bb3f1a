"""Search (Latin and Khmer substrings, document, phone, birth date) and possible-duplicate detection."""

from __future__ import annotations

import pytest

from tests.support.helpers import adult, registration


@pytest.fixture
def people(supervisor):
    ids = {}
    for key, p in {
        "sokdara": adult(),
        "chanvanna": adult(family_name="CHAN", given_names="VANNA", name_khmer="ចាន់ វណ្ណា", sex="F",
                           date_of_birth="1985-01-02", id_document_number="N7654321", phone="0977777777"),
        "keosophea": adult(family_name="KEO", given_names="SOPHEA", name_khmer="កែវ សុភា", sex="F",
                           date_of_birth="2001-12-30", id_document_type="NATIONAL_ID", id_document_number="010203040",
                           phone=""),
    }.items():
        ids[key] = supervisor.registrations.register(**registration(person=p)).person_id
    return ids


@pytest.mark.parametrize(("query", "expected"), [
    ("SOK", {"sokdara"}),
    ("sok dar", {"sokdara"}),
    ("VANN", {"chanvanna"}),
    ("DARA SOK", {"sokdara"}),          # given name first
    ("ophe", {"keosophea"}),
    ("សុភា", {"keosophea"}),            # Khmer substring
    ("ចាន់ វណ្ណា", {"chanvanna"}),       # Khmer with its space
    ("ចាន់វណ្ណា", {"chanvanna"}),        # Khmer typed without a space
    ("N7654321", {"chanvanna"}),
    ("n765 4321", {"chanvanna"}),
    ("010203040", {"keosophea"}),
    ("0977777777", {"chanvanna"}),
    ("097 777 7777", {"chanvanna"}),
    ("1985-01-02", {"chanvanna"}),
    ("KE", {"keosophea"}),              # two letters: start of family name
    ("ZZZZ", set()),
    ('"; DROP TABLE persons; --', set()),
])
def test_search(supervisor, people, query, expected) -> None:
    found = {r.id for r in supervisor.records.search(query)}
    assert found == {people[k] for k in expected}


def test_search_finds_a_corrected_name_and_not_the_old_one(supervisor, people) -> None:
    supervisor.corrections.amend_person(people["keosophea"], {"family_name": "KAEW"}, "spelling on the ID card")
    assert {r.id for r in supervisor.records.search("KAEW")} == {people["keosophea"]}
    assert supervisor.records.search("KEO SOPHEA") == []


def test_voided_persons_are_hidden_from_search_unless_asked(supervisor, people) -> None:
    supervisor.corrections.void("person", people["sokdara"], "duplicate record")
    assert supervisor.records.search("SOK") == []
    assert [r.id for r in supervisor.records.search("SOK", include_voided=True)] == [people["sokdara"]]


def test_search_results_carry_the_last_arrival(supervisor, people) -> None:
    r = supervisor.records.search("VANNA")[0]
    assert r.last_arrival_at.startswith("2026-11-22")


@pytest.mark.parametrize(("candidate", "reason"), [
    (adult(family_name="X", given_names="Y", name_khmer="", phone=""), "same_document"),
    (adult(id_document_number="", id_document_type="NONE", phone=""), "same_name_and_birth_date"),
    (adult(family_name="SOKH", given_names="DARRA", id_document_number="", id_document_type="NONE", phone=""),
     "same_name_and_birth_date"),   # spelling variants fold to the same key
    (adult(family_name="SUK", given_names="DARA", id_document_number="", id_document_type="NONE", phone=""),
     "similar_name"),               # one letter apart, same birth date
    (adult(family_name="", given_names="", id_document_number="", id_document_type="NONE", phone=""),
     "same_khmer_name_and_birth_date"),
    ({**{k: v for k, v in adult(id_document_number="", id_document_type="NONE", phone="").items()
         if k != "date_of_birth"}, "age_years": 36}, "similar_name"),   # estimated age within a year
])
def test_possible_duplicates(supervisor, people, candidate, reason) -> None:
    dups = supervisor.registrations.find_duplicates(candidate)
    assert dups and dups[0].id == people["sokdara"]
    assert reason in dups[0].reasons


def test_a_different_person_is_not_a_duplicate(supervisor, people) -> None:
    other = adult(family_name="PRAK", given_names="RITH", name_khmer="ប្រាក់ រិទ្ធ", date_of_birth="1970-03-03",
                  id_document_number="N0000001", phone="0111111111")
    assert supervisor.registrations.find_duplicates(other) == []
