"""Court names in the person's language with the court's own English name beside them."""

import pytest

from webapp import languages

from .journey import walk
from .test_flow import FRESNO_POSSESSION

ENGLISH = "Superior Court of California, County of Fresno"
GLOSSED = {
    "es": f"Tribunal Superior de California, Condado de Fresno ({ENGLISH})",
    "vi": f"Tòa Thượng Thẩm California, Quận Fresno ({ENGLISH})",
    "zh-Hant": f"加州高等法院 Fresno 縣 ({ENGLISH})",
    "ko": f"캘리포니아주 Fresno 카운티 상급 법원 ({ENGLISH})",
}


@pytest.mark.parametrize("lang", languages.CODES)
def test_the_results_page_names_the_court_in_the_persons_language_with_its_english_name(client, lang):
    walk(client, lang, [FRESNO_POSSESSION], {})
    text = " ".join(client.get(f"/{lang}/results").get_data(as_text=True).split())
    if lang == languages.DEFAULT:
        assert ENGLISH in text
        assert f"{ENGLISH} (" not in text
    else:
        assert GLOSSED[lang] in text
