"""The numbers that tune the page-layout rules, in one place: sizes of lines and groups,
the weights of the article zone, the scores of a headline candidate, the thresholds of a
front page. Each says in a few words what it measures."""

from __future__ import annotations

BODY_WORDS = 25


CAPTION_WORDS = 35  # a photo's description is short
# A caption that only its words show (no photo, credit or markup) is shorter still, one
# scene: past these, a line with a caption's cue is a paragraph.
CUE_CAPTION_WORDS = 20
CUE_CAPTION_COMMAS = 2


PHOTO_CAPTION_WORDS = 70  # a caption under a photo of a photo story may run longer


PHOTO_CAPTION_SENTENCES = 4


DESCRIPTION_WORDS = 8


SENTENCE_WORDS = 5


DECK_WORDS = 10  # a line under the headline this long is the article's, a shorter one a label


# A photo story: three photos at least, as many as its other paragraphs, and texts under them
# shorter than those paragraphs.
STORY_PHOTOS = 3


PHOTO_GAP = 4  # lines between photos of one series


STORY_SHARE = 0.75


SHORT_SHARE = 3  # a text under a photo a third as long as the page's paragraphs is a caption


TITLE_WORDS = 5  # a headline is rarely shorter; a section name above it rarely longer


MENU_WORDS = 4


REPEATED_TEXT = 3  # a line this often on a page is the site's, not the article's


REPEATED_WORDS = 5


TRAIL_MARKS = ("›", "»", " > ")


# An alt text that is not its caption's beginning, only says nearly the same, is short.
ALT_WORDS = 20
SAME_WORDS = 0.7  # share of words two lines have in common when one is a copy of the other


# Weights of the article zone: a paragraph adds its words beyond ZONE_COST; everything
# else costs. The zone is the run of lines with the largest total.
ZONE_COST = 10


OUTSIDE_SHARE = 4


PARAGRAPH_CAP = 60  # a very long line counts no more than this: one line is not an article


SHORT_COST = 2


NOISE_COST = 4


LABEL_COST = 40


BARRIER_COST = 1000


INLINE_LINES = 2  # inline links or photos a paragraph may follow and still be the article's


TAIL_LINES = 6  # how far below the body the signature is looked for


EDGE_LINES = 4  # how far from the headline or the body a dateline or byline still is theirs


OPENING_LINES = 14  # how far above the body the headline is looked for


# A dated headline this many lines into the densest prose opens the article there (what
# comes before it, a photo's caption say, is not the body).
OPENING_INSIDE = 3


LEAD_WORDS = 150  # the words of the lead a headline is compared with


# Scores of a headline candidate.
NEAR_DATELINE = 5.0


NEAR_BYLINE = 2.0


SHARED_WORDS = 6.0


COPY = 3.0


SHORT_HEADLINE = 3.0


IN_A_LIST = 2.0


DISTANCE = 1.0


BELOW_TEXT = 4.0


CAPITALS = 2.0  # a line in capitals is more often a label than a headline


MARKUP_TITLE = 8.0


MAIN_HEADING = 4.0  # the page's <h1>


# A front page: many cards, little prose of its own.
COMMENT_GROUPS = 2  # comments laid out as records, at least this many in a row


CARD_CONTEXT = 3  # paragraphs an article needs before a card inside it can be told apart


APART_SHARE = 0.75


FRONT_CARDS = 6


FRONT_OPENINGS = 3


FRONT_RUN = 2  # a front page's teasers stand alone, or two in a row at most


TEASER_WORDS = (8, 80)
# Pairs of a headline and a teaser at the body's end that are cards without other evidence.
CARD_PAIRS = 3
