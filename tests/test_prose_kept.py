"""Ordinary reporting that looks like page furniture at a glance stays the article's.

Each rule that drops furniture (a news ticker, links run together, cards under the article,
a photo's alt text, a share button, a forum thread, a photo credit) has a look-alike in
ordinary Vietnamese reporting: a schedule, brand names, the article's last subheaded
sections, paragraphs written to one formula, a headline opening with "Chia sẻ", a
listicle, a paragraph that cites its source. The pages here are made up.
"""

from __future__ import annotations

import pytest

import diplocorpus as dc

K = dc.BlockKind
HEADLINE = "Việt Nam và Nhật Bản thúc đẩy quan hệ Đối tác chiến lược toàn diện"
LEAD = (
    "Sáng 19/12, tại Hà Nội, Bộ trưởng Ngoại giao đã hội đàm với Bộ trưởng Ngoại giao Nhật"
    " Bản, hai bên trao đổi về quan hệ song phương và các vấn đề quốc tế cùng quan tâm."
)


def page(*paragraphs: str, headline: str = HEADLINE, above: str = "") -> str:
    top = f"{above}\n" if above else ""
    return top + f"{headline}\n19/12/2023 10:00\n\n" + "\n\n".join((LEAD, *paragraphs)) + "\n"


def kind_of(article: dc.Article, text: str) -> dc.BlockKind:
    return next(b.kind for b in article.blocks if b.text == text)


def test_a_schedule_with_times_is_a_paragraph() -> None:
    schedule = (
        "Theo chương trình, đoàn hội kiến Thủ tướng lúc 8:30, dự tọa đàm với doanh nghiệp lúc"
        " 10:00, làm việc với Bộ Ngoại giao lúc 14:00 và gặp cộng đồng người Việt lúc 16:30."
    )
    dates = (
        "Hiệp định được ký ngày 12/3/2021, có hiệu lực từ 1/8/2022 và được sửa đổi ngày"
        " 5/6/2023 sau nhiều vòng đàm phán, hai bên đều ghi nhận những lợi ích rõ ràng."
    )
    article = dc.parse(page(schedule, dates))
    assert article.paragraphs[1:] == (schedule, dates)


def test_headlines_with_their_times_run_together_are_a_ticker() -> None:
    ticker = (
        "Đà Nẵng đón chuyến bay quốc tế đầu tiên - 11:51 | 27/12/2023Hà Nội mở thêm tuyến"
        " buýt điện - 11:41 | 27/12/2023Giá vàng tăng mạnh phiên sáng - 10:02 | 27/12/2023"
    )
    article = dc.parse(page("Hai bên nhất trí thúc đẩy hợp tác kinh tế và đầu tư.", ticker))
    assert kind_of(article, ticker) is K.RELATED


def test_brand_names_in_camel_case_are_not_links_run_together() -> None:
    brands = (
        "Hai bên hoan nghênh việc PetroVietnam và VinFast ký kết các thỏa thuận với đối tác"
        " Nhật Bản, buổi họp báo được phát trực tiếp trên YouTube và TikTok."
    )
    article = dc.parse(page(brands))
    assert brands in article.paragraphs


def test_links_run_together_are_still_found() -> None:
    glued = (
        "Nỗi niềm người mẹ đơn thânHot girl Việt gợi cảm với áo dàiThót tim vì màn nhào lộn"
        " của sao ViệtĐinh Hương lột xác cực chất"
    )
    article = dc.parse(page("Hai bên nhất trí thúc đẩy hợp tác kinh tế và đầu tư.", glued))
    assert kind_of(article, glued) is K.RELATED


SECTIONS = (
    "Tăng cường hợp tác kinh tế",
    "Hai bên nhất trí đẩy mạnh hợp tác kinh tế, thương mại, đầu tư, trong đó có các dự án"
    " hạ tầng lớn và chuyển đổi xanh.",
    "Mở rộng giao lưu nhân dân",
    "Bộ trưởng đề nghị Nhật Bản tiếp tục tạo điều kiện cho cộng đồng người Việt Nam sinh"
    " sống, học tập và làm việc tại Nhật Bản.",
)


def test_the_last_subheaded_sections_are_the_articles() -> None:
    article = dc.parse(page(*SECTIONS))
    assert article.paragraphs[1:] == SECTIONS


def test_subheadings_inside_the_article_element_are_the_articles() -> None:
    pytest.importorskip("lxml", reason="an HTML page: needs diplocorpus[html]")
    parts = "".join(
        f"<h2>{text}</h2>" if i % 2 == 0 else f"<p>{text}</p>" for i, text in enumerate(SECTIONS)
    )
    html = (
        f"<html><body><article><h1>{HEADLINE}</h1><time>19/12/2023 10:00</time>"
        f"<p>{LEAD}</p>{parts}</article></body></html>"
    )
    article = dc.parse_html(html)
    assert article.paragraphs[1:] == SECTIONS


def test_cards_under_the_article_are_still_cut() -> None:
    cards = (
        "Hà Nội mở thêm ba tuyến buýt điện nối các khu đô thị mới",
        "Ba tuyến buýt điện mới sẽ nối trung tâm thành phố với các khu đô thị phía tây từ đầu"
        " tháng tới, giá vé không đổi.",
        "Giá vàng trong nước tăng mạnh phiên sáng nay theo đà thế giới",
        "Giá vàng miếng tăng thêm nửa triệu đồng mỗi lượng trong phiên sáng, theo đà tăng"
        " của giá vàng thế giới.",
        "Đà Nẵng đón chuyến bay quốc tế đầu tiên của năm mới",
        "Chuyến bay đầu tiên của năm mới đưa hơn hai trăm du khách Hàn Quốc đến Đà Nẵng vào"
        " sáng sớm nay.",
    )
    article = dc.parse(page("Hai bên nhất trí thúc đẩy hợp tác kinh tế và đầu tư.", *cards))
    assert [kind_of(article, text) for text in cards] == [K.RELATED] * len(cards)


def test_paragraphs_written_to_one_formula_are_not_alt_texts() -> None:
    visits = [
        f"{opener} Bộ trưởng Ngoại giao đã tiếp Đại sứ {country} đến chào từ biệt nhân dịp kết"
        " thúc nhiệm kỳ công tác tại Việt Nam."
        for opener, country in (("Cùng ngày,", "Australia"), ("Chiều cùng ngày,", "New Zealand"))
    ]
    plain = [
        f"Bộ trưởng Ngoại giao đã tiếp Đại sứ {country} đến chào từ biệt nhân dịp kết thúc"
        " nhiệm kỳ công tác tại Việt Nam."
        for country in ("Hàn Quốc", "Australia", "New Zealand")
    ]
    assert dc.parse(page(*visits)).paragraphs[1:] == tuple(visits)
    assert dc.parse(page(*plain)).paragraphs[1:] == tuple(plain)


def test_an_alt_text_above_its_caption_is_still_dropped() -> None:
    alt = "Hai Bộ trưởng tại buổi hội đàm ở Hà Nội"
    caption = "Hai Bộ trưởng tại buổi hội đàm ở Hà Nội sáng 19/12. Ảnh: Quang Hòa"
    article = dc.parse(page(f"{alt}\n{caption}", "Hai bên nhất trí thúc đẩy hợp tác."))
    assert kind_of(article, alt) is K.IMAGE_ALT
    assert [c.credit for c in article.captions] == ["Quang Hòa"]


@pytest.mark.parametrize(
    "headline",
    ["Chia sẻ kinh nghiệm phát triển kinh tế biển", "Theo dõi sát diễn biến thời tiết miền Trung"],
)
def test_a_headline_opening_with_a_controls_verb_is_the_title(headline: str) -> None:
    article = dc.parse(page(headline=headline))
    assert article.title == headline


def test_a_subheading_opening_with_a_controls_verb_is_the_articles() -> None:
    subheading = "Bình luận của báo chí quốc tế"
    after = "Nhiều tờ báo lớn của Nhật Bản đánh giá cao kết quả chuyến thăm của Bộ trưởng."
    article = dc.parse(page(subheading, after))
    assert article.paragraphs[1:] == (subheading, after)


@pytest.mark.parametrize(
    "control",
    ["Chia sẻ ảnh của bạn về chuyến đi", "Theo dõi chúng tôi trên Facebook", "Đăng ký thành viên"],
)
def test_page_controls_are_widgets(control: str) -> None:
    article = dc.parse(page("Hai bên nhất trí thúc đẩy hợp tác kinh tế và đầu tư.", control))
    assert kind_of(article, control) is K.WIDGET


def test_a_paragraph_that_cites_its_source_is_a_paragraph() -> None:
    cited = (
        "Trong 11 tháng năm 2023, kim ngạch thương mại hai chiều đạt hơn 40 tỷ USD, tăng 5% so"
        " với cùng kỳ năm trước, trong đó xuất khẩu của Việt Nam đạt 21 tỷ USD. Nguồn: Tổng cục"
        " Hải quan"
    )
    article = dc.parse(page(cited, "Hai bên nhất trí thúc đẩy hợp tác kinh tế và đầu tư."))
    assert cited in article.paragraphs
    assert article.captions == ()


def test_a_short_paragraph_that_cites_its_source_is_a_paragraph() -> None:
    cited = "Kim ngạch hai chiều năm 2023 đạt hơn 14 tỷ USD. Nguồn: Bộ Công Thương"
    article = dc.parse(page(cited, "Hai bên nhất trí thúc đẩy hợp tác kinh tế và đầu tư."))
    assert cited in article.paragraphs


_CREDITED = "Tàu du lịch quốc tế cập cảng Hạ Long sáng 19/12. Nguồn: Cảng Hạ Long"


def test_a_source_label_after_a_caption_under_a_photo_names_its_credit() -> None:
    alt = "Tàu du lịch quốc tế cập cảng Hạ Long"
    article = dc.parse(page("Hai bên nhất trí thúc đẩy hợp tác kinh tế.", alt, _CREDITED))
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Tàu du lịch quốc tế cập cảng Hạ Long sáng 19/12.", "Cảng Hạ Long")
    ]


def test_a_source_label_in_a_figcaption_names_its_credit() -> None:
    pytest.importorskip("lxml", reason="an HTML page: needs diplocorpus[html]")
    caption = _CREDITED
    html = (
        f"<html><body><article><h1>{HEADLINE}</h1><p>{LEAD}</p><figure><img src=a.jpg>"
        f"<figcaption>{caption}</figcaption></figure><p>Hai bên nhất trí thúc đẩy hợp tác.</p>"
        "</article></body></html>"
    )
    assert [c.credit for c in dc.parse_html(html).captions] == ["Cảng Hạ Long"]


def test_a_numbered_list_is_not_a_forum_thread() -> None:
    items = (
        "#1",
        "Vịnh Hạ Long tiếp tục là điểm đến được yêu thích nhất, với hàng nghìn hòn đảo đá vôi.",
        "#2",
        "Phố cổ Hội An thu hút du khách bởi những ngôi nhà cổ và đèn lồng rực rỡ về đêm.",
        "#3",
        "Sa Pa nổi tiếng với ruộng bậc thang, khí hậu mát mẻ và văn hóa đa dạng vùng cao.",
    )
    article = dc.parse(page(*items, headline="Ba điểm đến nổi bật của du lịch Việt Nam"))
    assert article.paragraphs[1:] == items


def test_a_zone_named_in_the_articles_text_does_not_change_the_pages_time() -> None:
    told = (
        "Lễ ký kết diễn ra lúc 9 giờ sáng theo múi giờ GMT+9 tại Tokyo, với sự chứng kiến của"
        " lãnh đạo hai nước."
    )
    article = dc.parse(page(told))
    assert article.published is not None
    assert article.published.isoformat() == "2023-12-19T10:00:00+07:00"


def test_a_zone_the_pages_footer_declares_is_used_and_noted() -> None:
    text = page("Hai bên nhất trí thúc đẩy hợp tác kinh tế và đầu tư.") + (
        "\nMúi giờ GMT +8. Bây giờ là 10:15\n"
    )
    article = dc.parse(text)
    assert article.published is not None
    assert article.published.isoformat() == "2023-12-19T10:00:00+08:00"
    assert any("UTC+08:00" in note for note in article.notes)


@pytest.mark.parametrize("section", ["THẾ GIỚI", "KINH TẾ", "Thời sự"])
def test_a_section_name_above_the_headline_is_no_author(section: str) -> None:
    article = dc.parse(page(above=section))
    assert article.authors == ()
    assert article.title == HEADLINE


def test_a_pen_name_in_capitals_above_the_headline_is_the_author() -> None:
    article = dc.parse(page(above="HÀ ANH"))
    assert article.authors == ("HÀ ANH",)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Đoàn sẽ hội kiến Thủ tướng (8:30), dự tọa đàm với doanh nghiệp (10:00), làm việc với"
        " Bộ Ngoại giao (14:00) và gặp gỡ cộng đồng (16:30) trong ngày đầu của chuyến thăm.",
        "Bộ phận một cửa tiếp nhận hồ sơ buổi sáng từ 7:30-11:30, buổi chiều từ 13:30-17:00"
        " và sáng thứ Bảy từ 8:00-11:00, trừ các ngày nghỉ lễ theo quy định.",
    ],
)
def test_times_in_brackets_or_ranges_are_a_paragraphs(paragraph: str) -> None:
    assert paragraph in dc.parse(page(paragraph)).paragraphs


@pytest.mark.parametrize(
    "paragraph",
    [
        "Liên danh VinFast-PetroVietnam được chọn làm nhà đầu tư dự án trạm sạc tại Hà Nội.",
        "Các hãng hàng không VietJet/AirAsia tăng tần suất bay giữa hai nước từ tháng tới.",
    ],
)
def test_brands_joined_by_punctuation_are_not_links_run_together(paragraph: str) -> None:
    assert paragraph in dc.parse(page(paragraph)).paragraphs


def test_a_menu_of_plain_letters_run_together_is_still_found() -> None:
    menu = "HomeNewsSportsBusinessContact"
    article = dc.parse(page("Hai bên nhất trí thúc đẩy hợp tác kinh tế và đầu tư.", menu))
    assert kind_of(article, menu) is not K.BODY


@pytest.mark.parametrize(
    "headline",
    ["Quan hệ Việt - Mỹ: 30 năm trước và hôm nay", "Ký ức về Hà Nội 50 năm trước"],
)
def test_a_headline_that_looks_back_is_no_comments_time(headline: str) -> None:
    assert dc.parse(page(headline=headline)).title == headline


def test_a_subheading_that_looks_back_is_the_articles() -> None:
    subheading = "Nhìn lại 30 năm trước"
    after = "Ba mươi năm trước, hai nước ký hiệp định hợp tác kinh tế đầu tiên tại Hà Nội."
    assert dc.parse(page(subheading, after)).paragraphs[1:] == (subheading, after)


@pytest.mark.parametrize(
    "headline",
    [
        "Theo dõi sát diễn biến trên Biển Đông",
        "Chia sẻ kinh nghiệm với các nước bạn",
        "Chia sẻ gánh nặng này với châu Phi",
        "Theo dõi bão số 3",
        "Đăng ký kết hôn có yếu tố nước ngoài",
    ],
)
def test_more_headlines_opening_with_a_controls_verb_are_titles(headline: str) -> None:
    assert dc.parse(page(headline=headline)).title == headline


def test_three_short_paragraphs_written_to_one_formula_are_paragraphs() -> None:
    visits = "\n".join(
        f"Phó Thủ tướng tiếp Đại sứ {country} đến chào xã giao."
        for country in ("Hàn Quốc", "Australia", "Nhật Bản")
    )
    article = dc.parse(page("Buổi chiều, Phó Thủ tướng tiếp khách quốc tế tại trụ sở.", visits))
    assert article.paragraphs[2:] == tuple(visits.split("\n"))


def test_a_list_of_milestones_numbered_and_dated_is_no_thread() -> None:
    items = (
        "#1",
        "12/3/1955",
        "Hai nước chính thức thiết lập quan hệ ngoại giao, mở ra chặng đường hợp tác mới.",
        "#2",
        "27/6/2013",
        "Hai nước nâng cấp quan hệ lên Đối tác chiến lược sau nhiều năm hợp tác hiệu quả.",
    )
    article = dc.parse(page(*items[:3], "\n".join(items[3:])))
    assert items[2] in article.paragraphs
    assert items[5] in article.paragraphs


def test_a_zone_named_in_a_teaser_does_not_change_the_pages_time() -> None:
    teaser = (
        "Lễ đếm ngược tại Tokyo bắt đầu lúc 23 giờ theo múi giờ GMT+9, thu hút hàng nghìn"
        " người dân và du khách."
    )
    text = page("Hai bên nhất trí thúc đẩy hợp tác kinh tế.") + (
        f"\nTin liên quan\nNhật Bản đón năm mới với nhiều lễ hội\n{teaser}\n"
    )
    published = dc.parse(text).published
    assert published is not None
    assert published.isoformat() == "2023-12-19T10:00:00+07:00"


@pytest.mark.parametrize("section", ["KINH TẾ - XÃ HỘI", "CHÂU Á - THÁI BÌNH DƯƠNG", "BIỂN ĐÔNG"])
def test_a_compound_section_or_a_region_above_the_headline_is_no_author(section: str) -> None:
    assert dc.parse(page(above=section)).authors == ()


def test_linked_cards_inside_the_article_element_are_cut() -> None:
    pytest.importorskip("lxml", reason="an HTML page: needs diplocorpus[html]")
    cards = "".join(
        f"<div class=item><h3><a href=/a{i}>{head}</a></h3><p>{teaser}</p></div>"
        for i, (head, teaser) in enumerate(
            (
                (
                    "Hà Nội mở thêm ba tuyến buýt điện nối các khu đô thị mới",
                    "Ba tuyến buýt điện mới sẽ nối trung tâm với các khu đô thị phía tây.",
                ),
                (
                    "Giá vàng trong nước tăng mạnh phiên sáng nay theo đà thế giới",
                    "Giá vàng miếng tăng thêm nửa triệu đồng mỗi lượng trong phiên sáng.",
                ),
            )
        )
    )
    html = (
        f"<html><body><article><h1>{HEADLINE}</h1><p>{LEAD}</p>"
        f"<p>Hai bên nhất trí thúc đẩy hợp tác kinh tế, thương mại và đầu tư.</p>{cards}"
        "</article></body></html>"
    )
    assert dc.parse_html(html).paragraphs == (
        LEAD,
        "Hai bên nhất trí thúc đẩy hợp tác kinh tế, thương mại và đầu tư.",
    )
