"""A résumé in Chinese, Japanese or Korean: its sections, dates, jobs and schools are read."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resume_etl.stages.extract import ExtractedDocument
from resume_etl.vocab import SectionKind

Extract = Callable[[str], ExtractedDocument]

_CHINESE = """# 王小明

## 工作经历

2019年3月 - 2021年5月
:   **高级软件工程师**，星河网络科技有限公司，杭州

2016年7月 - 2019年2月
:   **产品经理**，云帆集团，上海

## 教育经历

2012年9月 - 2016年6月
:   **学士，计算机科学专业**，东海大学

## 专业技能

- Python, Java
"""


def _value(found: object) -> str | None:
    return getattr(found, "value", None)


def test_a_chinese_cv_gives_its_jobs_and_schools(extract_markdown: Extract) -> None:
    extracted = extract_markdown(_CHINESE)
    kinds = [section.kind for section in extracted.segmented.sections]
    assert kinds[1:] == [SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.SKILLS]
    jobs = [
        (_value(job.organization), _value(job.role), job.dates and job.dates.text)
        for job in extracted.experiences
    ]
    assert jobs == [
        ("星河网络科技有限公司", "高级软件工程师", "2019年3月 - 2021年5月"),
        ("云帆集团", "产品经理", "2016年7月 - 2019年2月"),
    ]
    (school,) = extracted.education
    assert (_value(school.institution), _value(school.degree)) == ("东海大学", "学士")
    assert school.degree_level == "bachelor"
    assert _value(school.field_of_study) == "计算机科学专业"


@pytest.mark.parametrize(
    ("header", "organization", "role"),
    [
        (
            "2020年4月 - 2022年3月\n:   **エンジニア**，株式会社ミドリ",
            "株式会社ミドリ",
            "エンジニア",
        ),
        ("2020년 4월 - 2022년 3월\n:   **개발자**, 한빛주식회사", "한빛주식회사", "개발자"),
    ],
)
def test_japanese_and_korean_posts_and_employers(
    extract_markdown: Extract, header: str, organization: str, role: str
) -> None:
    (job,) = extract_markdown(f"## 職歴\n\n{header}\n").experiences
    assert (_value(job.organization), _value(job.role)) == (organization, role)
