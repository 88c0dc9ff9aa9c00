from generator.slugs import MAX_LENGTH, slugify, unique_slugs


def test_phrase_aware_polyphones():
    assert slugify("重庆") == "chong-qing"
    assert slugify("银行") == "yin-hang"
    assert slugify("重庆银行行长") == "chong-qing-yin-hang-hang-zhang"


def test_contract_example_and_punctuation_dropped():
    assert slugify("文明风起满眼新") == "wen-ming-feng-qi-man-yan-xin"
    assert slugify("聚焦民生“小事” 回应百姓关切") == "ju-jiao-min-sheng-xiao-shi-hui-ying-bai-xing-guan-qie"
    assert slugify("——《人民日报》、評論!") == "ren-min-ri-bao-ping-lun"


def test_latin_and_digits_kept_lower_case():
    assert slugify("射洪市2022年创建城市") == "she-hong-shi-2022-nian-chuang-jian-cheng-shi"
    assert slugify("5G网络 覆盖ABC小区") == "5g-wang-luo-fu-gai-abc-xiao-qu"
    assert slugify("Ｆｕｌｌwidth １２３") == "fullwidth-123"


def test_ascii_only_and_capped_at_syllable_boundary():
    title = "紧盯创建目标 坚定信心决心 资阳市创建全国文明城市动员大会召开" * 2
    s = slugify(title)
    assert s.isascii() and len(s) <= MAX_LENGTH
    assert not s.endswith("-")
    assert s.split("-") == slugify(title, max_length=500).split("-")[: len(s.split("-"))]


def test_empty_and_unique_deterministic():
    assert slugify("!!!——") == ""
    titles = ["文明风起", "文明风起", "", "文明风起", "!!"]
    first = unique_slugs(titles)
    assert first == ["wen-ming-feng-qi", "wen-ming-feng-qi-2", "item-3", "wen-ming-feng-qi-3", "item-5"]
    assert unique_slugs(titles) == first


def test_suffix_never_collides_with_a_real_title():
    slugs = unique_slugs(["wen ming 2", "文明", "文明"])
    assert slugs == ["wen-ming-2", "wen-ming", "wen-ming-3"]
