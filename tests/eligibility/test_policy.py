"""Policy packs: validation with errors naming the key, effective dates, the library."""

from datetime import date

import pytest

from caseworker.eligibility.library import PolicyLibrary, bundled_pack_texts
from caseworker.eligibility.policy import PolicyError, parse_pack

MINIMAL = """\
format: caseworker.policy/1
id: test-county
version: "1"
name: {zh: 测试县, en: Test County}
extends: cn-national
counties: ["610423"]
parameters:
  dibao.standard.rural:
    - {from: 2020-01-01, value: "400.00", ref: "示例 / example"}
  dibao.standard.urban:
    - {from: 2020-01-01, value: "600.00", ref: "示例 / example"}
"""


def messages(excinfo: pytest.ExceptionInfo[PolicyError]) -> str:
    return "\n".join(e.message_zh + "\n" + e.message_en for e in excinfo.value.errors)


def test_the_bundled_packs_load_and_resolve_completely() -> None:
    library = PolicyLibrary()
    assert {name for name, _ in bundled_pack_texts()} >= {
        "cn-national.yaml",
        "cn-610423-jingyang.yaml",
        "cn-420102-jiangan.yaml",
    }
    assert library.policy_for_county("610423").id == "cn-610423-jingyang"
    assert library.policy_for_county("420102").id == "cn-420102-jiangan"
    # National defaults set no Dibao standard, so they cannot screen on their own.
    with pytest.raises(PolicyError) as excinfo:
        library.policy("cn-national")
    assert "parameters.dibao.standard.rural" in messages(excinfo)


def test_a_pack_loads_from_yaml_text_and_extends_the_national_defaults() -> None:
    library = PolicyLibrary([("server", MINIMAL.replace('"610423"', '"610000"'))])
    policy = library.policy("test-county")
    assert policy.entry("dibao.standard.rural", date(2020, 5, 1)).value == 40000
    assert policy.entry("gradual_exit.months", date(2020, 5, 1)).value == 6  # inherited
    assert [p.id for p in policy.chain] == ["test-county", "cn-national"]
    assert len(policy.sha256) == 64


def test_the_value_in_force_follows_the_dates() -> None:
    policy = PolicyLibrary().policy("cn-610423-jingyang")
    assert policy.entry("dibao.standard.rural", date(2019, 12, 31)).value == 37000
    assert policy.entry("dibao.standard.rural", date(2020, 1, 1)).value == 40000
    use = policy.use("dibao.standard.rural", date(2020, 6, 1))
    assert (use.value, use.effective_from) == ("400.00", date(2020, 1, 1))
    with pytest.raises(PolicyError) as excinfo:
        policy.entry("dibao.standard.rural", date(2018, 12, 31))
    assert "2018-12-31" in messages(excinfo)


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (
            ("dibao.standard.urban:", "dibao.standard.urbn:"),
            "parameters.dibao.standard.urbn",
            "未知",
        ),
        (
            (
                'ref: "示例 / example"}\n  dibao.standard.urban',
                'ref: "x", to: 2021-01-01}\n  dibao.standard.urban',
            ),
            "parameters.dibao.standard.rural[0].to",
            "not a known key",
        ),
        (
            ('value: "400.00"', 'value: "4O0.00"'),
            "parameters.dibao.standard.rural[0].value",
            "not an amount",
        ),
        (
            ('value: "400.00"', "value: 400.005"),
            "parameters.dibao.standard.rural[0].value",
            "two decimals",
        ),
        (
            ('value: "400.00"', 'value: "-1.00"'),
            "parameters.dibao.standard.rural[0].value",
            "zero or more",
        ),
        (
            ('value: "400.00", ref: "示例 / example"', 'value: "400.00", ref: ""'),
            "parameters.dibao.standard.rural[0].ref",
            "cite",
        ),
        (("version:", "vers:"), "vers", "not a known key"),
        (("format: caseworker.policy/1", "format: other/1"), "format", "caseworker.policy/1"),
        (('counties: ["610423"]', 'counties: ["6104"]'), "counties[0]", "6-digit"),
    ],
)
def test_a_bad_pack_is_refused_naming_the_key(
    change: tuple[str, str], key: str, words: str
) -> None:
    text = MINIMAL.replace(*change)
    assert text != MINIMAL
    with pytest.raises(PolicyError) as excinfo:
        parse_pack(text, source="bad.yaml")
    fields = [e.field for e in excinfo.value.errors]
    assert key in fields
    assert words in messages(excinfo)
    assert "bad.yaml" in messages(excinfo)


def test_structured_values_name_the_bad_inner_key() -> None:
    text = MINIMAL + (
        "  temporary_assistance.amounts:\n"
        "    - {from: 2020-01-01, value: {fire: {fixd: 100}}, ref: x}\n"
        "  dibao.single_person.disability_grades:\n"
        "    - {from: 2020-01-01, value: {physicl: 2}, ref: x}\n"
    )
    with pytest.raises(PolicyError) as excinfo:
        parse_pack(text)
    text_out = messages(excinfo)
    assert "'fire' unknown key 'fixd'" in text_out
    assert "unknown key 'physicl'" in text_out


def test_entries_out_of_date_order_duplicate_keys_and_bad_yaml_are_refused() -> None:
    out_of_order = MINIMAL.replace(
        '    - {from: 2020-01-01, value: "400.00", ref: "示例 / example"}\n',
        '    - {from: 2020-01-01, value: "400.00", ref: "a"}\n'
        '    - {from: 2019-01-01, value: "380.00", ref: "b"}\n',
    )
    with pytest.raises(PolicyError) as excinfo:
        parse_pack(out_of_order)
    assert excinfo.value.errors[0].field == "parameters.dibao.standard.rural[1].from"
    with pytest.raises(PolicyError) as excinfo:
        parse_pack(MINIMAL + "id: again\n")
    assert "duplicate key" in messages(excinfo)
    with pytest.raises(PolicyError) as excinfo:
        parse_pack(MINIMAL + "  bad: [unclosed\n")
    assert "line" in messages(excinfo)


def test_floats_never_appear_ratios_are_exact_decimals() -> None:
    policy = PolicyLibrary().policy("cn-610423-jingyang")
    multiple = policy.entry("marginal.income_multiple", date(2020, 1, 1)).value
    assert str(multiple) == "1.5" and type(multiple).__name__ == "Decimal"


def test_the_library_keeps_the_newest_version_and_refuses_clashes() -> None:
    v1 = MINIMAL.replace('"610423"', '"610000"')
    v2 = v1.replace('version: "1"', 'version: "2"').replace('"400.00"', '"410.00"')
    library = PolicyLibrary([("a", v2), ("b", v1)])
    assert library.packs["test-county"].version == "2"
    with pytest.raises(PolicyError) as excinfo:
        library.add_text(v2.replace('"410.00"', '"420.00"'), source="c")
    assert "same_version" in [e.code for e in excinfo.value.errors]
    with pytest.raises(PolicyError) as excinfo:
        library.add_text(MINIMAL.replace("test-county", "other"), source="d")
    assert "cn-610423-jingyang" in messages(excinfo)
    with pytest.raises(PolicyError) as excinfo:
        library.policy_for_county("110105")
    assert "no policy pack covers this county" in messages(excinfo)
    with pytest.raises(PolicyError):
        PolicyLibrary([("x", v1.replace("extends: cn-national", "extends: nowhere"))]).policy(
            "test-county"
        )


def test_what_if_overrides_apply_on_every_date_and_change_the_hash() -> None:
    policy = PolicyLibrary().policy("cn-610423-jingyang")
    changed = policy.with_overrides({"dibao.standard.rural": "450", "gradual_exit.months": "3"})
    assert changed.entry("dibao.standard.rural", date(2019, 1, 1)).value == 45000
    assert changed.entry("gradual_exit.months", date(2030, 1, 1)).value == 3
    assert changed.sha256 != policy.sha256
    assert changed.version.endswith("+what-if")
    assert "what-if" in changed.use("dibao.standard.rural", date(2020, 1, 1)).ref
    with pytest.raises(PolicyError) as excinfo:
        policy.with_overrides({"dibao.standard.rurall": "450"})
    assert excinfo.value.errors[0].field == "dibao.standard.rurall"
    with pytest.raises(PolicyError):
        policy.with_overrides({"gradual_exit.months": "six"})


def test_county_entries_take_over_from_their_first_date() -> None:
    policy = PolicyLibrary().policy("cn-610423-jingyang")
    # The county sets no categories before 2020: the national ones (no extra) apply.
    national = policy.entry("dibao.categories", date(2019, 6, 1))
    county = policy.entry("dibao.categories", date(2020, 6, 1))
    assert national.value[0].extra_fen == 0 and "全国" in national.ref
    assert county.value[0].extra_fen == 5000
