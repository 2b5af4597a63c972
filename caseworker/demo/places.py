"""The demo county: Jingyang County, Shaanxi (the seed article's 张学林 lives in its Zhongjie
Village, Yunyang Town), with townships and villages numbered like statistical codes."""

from caseworker.domain.codes import RegionLevel
from caseworker.domain.regions import Region

COUNTY = Region("610423", "泾阳县", RegionLevel.COUNTY)

TOWNSHIPS = [
    (
        "100",
        "云阳镇",
        ["中街村", "东街村", "西街村", "北极村", "南社村", "云阳村", "梁村", "双槐村"],
    ),
    ("101", "泾干镇", ["城关村", "西关村", "东关村", "泾干村", "新庄村", "龙泉村"]),
    ("102", "永乐镇", ["永乐村", "店张村", "北街村", "秦家村", "杨梧村", "姚家村", "中王村"]),
    ("103", "中张镇", ["中张村", "前进村", "东风村", "和平村", "团结村"]),
    ("104", "王桥镇", ["王桥村", "石桥村", "马家村", "宋家村", "白王村", "寨头村"]),
    ("105", "口镇", ["口镇村", "西北村", "东南村", "洪水村", "安吴村", "新联村", "红星村"]),
    ("200", "兴隆乡", ["兴隆村", "太平村", "五星村", "建新村", "康庄村"]),
    ("201", "太平乡", ["太平村", "黄家村", "兴旺村", "张家村", "前锋村", "北杜村"]),
]

ZHONGJIE_VILLAGE = "610423100201"


def demo_regions() -> list[Region]:
    """The county, its townships and villages (village codes: township code + 2xx)."""
    regions = [COUNTY]
    for township_suffix, township_name, villages in TOWNSHIPS:
        township_code = COUNTY.code + township_suffix
        regions.append(Region(township_code, township_name, RegionLevel.TOWNSHIP, COUNTY.code))
        for index, village_name in enumerate(villages, start=1):
            regions.append(
                Region(
                    f"{township_code}{200 + index:03d}",
                    village_name,
                    RegionLevel.VILLAGE,
                    township_code,
                )
            )
    return regions


def village_regions() -> list[Region]:
    return [r for r in demo_regions() if r.level is RegionLevel.VILLAGE]
