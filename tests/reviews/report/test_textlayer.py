from reviews.report.textlayer import GlyphMap, visual_order

SHADDA, FATHA, DAL = "\u0651", "\u064e", "\u062f"


def test_glyph_map_gives_each_glyph_of_a_cluster_its_own_character():
    # WeasyPrint, drawing "دَّ" right to left: the stacked-fatha glyph (1439) gets the cluster's text,
    # the shadda glyph (97, the font's own glyph for U+0651) an empty one.
    glyphs = GlyphMap({97: SHADDA, 1678: DAL})
    glyphs[1439] = FATHA + SHADDA
    glyphs[97] = ""
    glyphs[1678] = DAL
    assert dict(glyphs.items()) == {1439: FATHA, 97: SHADDA, 1678: DAL}


def test_glyph_map_keeps_a_glyph_seen_alone_over_a_share_of_a_cluster():
    glyphs = GlyphMap({})
    glyphs[5] = "\u0644\u0627"  # lam-alef ligature drawn alone
    glyphs[5] = "\u0644\u0627\u064b"
    glyphs[6] = ""
    assert dict(glyphs.items())[5] == "\u0644\u0627"
    assert 5 not in glyphs  # WeasyPrint is told every glyph is new, so it reports each one it draws


def test_visual_order_reverses_arabic_and_keeps_english_and_digits():
    assert visual_order("من GCM 2028", right_to_left=True) == "GCM 2028 نم"
    assert visual_order("Report of مصر 2028", right_to_left=False) == "Report of رصم 2028"


def test_visual_order_keeps_a_final_mark_inside_its_run():
    assert visual_order("كافيةً", right_to_left=True) == "\u200f" + "ًةيفاك"


def test_glyph_map_splits_a_ligature_cluster_around_a_glyph_known_from_elsewhere():
    # Amiri draws lam + kaf as two contextual glyphs in one cluster; the lam form also appears alone.
    lam, kaf = "\u0644", "\u0643"
    glyphs = GlyphMap({})
    glyphs[70] = lam  # the lam form, alone in another word
    glyphs[80] = lam + kaf  # right to left: the kaf form comes first and carries the cluster's text
    glyphs[70] = ""
    assert dict(glyphs.items()) == {70: lam, 80: kaf}
