"""The numbers that tune the structures and the page layout, in one place: sizes of lines and
groups, the weights of the article zone, the scores of a headline candidate, the thresholds
of a front page. Each says in a few words what it measures. (The line rules' own sizes are
at the top of ``_rules``.)"""

from __future__ import annotations

# -- the size of one input -------------------------------------------------------------------

# The longest input read as one page, in characters (of text for parse, of markup for
# parse_html; a file's or a JSON Lines record's text likewise): a news page is a few
# hundred kilobytes at most, and a longer input is refused at once (InputTooLargeError)
# rather than read for minutes. Bytes are refused before decoding past four times this.
MAX_INPUT_CHARS = 20_000_000

# -- sizes of lines (in words) ---------------------------------------------------------------

BODY_WORDS = 25  # a line this long is a paragraph, whatever its last character
SENTENCE_WORDS = 5  # a shorter sentence with its final stop is no paragraph yet
DESCRIPTION_WORDS = 8  # long enough to describe a photo (a subheading under one is shorter)
DECK_WORDS = 10  # a line under the headline this long is the article's, a shorter one a label
TITLE_WORDS = 5  # a headline is rarely shorter; a section name above it rarely longer
MENU_WORDS = 4  # an item of a menu, a reader's name, a short label
REPEATED_WORDS = 5  # a line repeated on the page is a copy when it is at least this long

# -- photos and their captions ---------------------------------------------------------------

CAPTION_WORDS = 35  # a photo's description is short
# A caption that only its words show (no photo, credit or markup) is shorter still, one
# scene: past these, a line with a caption's cue is a paragraph.
CUE_CAPTION_WORDS = 20
CUE_CAPTION_COMMAS = 2
PHOTO_CAPTION_WORDS = 70  # a caption under a photo of a photo story may run longer
PHOTO_CAPTION_SENTENCES = 4  # ... and be a few sentences, no more
# A photo story: three photos at least, as many as its other paragraphs, and the texts under
# them shorter than those paragraphs (STORY_SHARE of their middle length).
STORY_PHOTOS = 3
STORY_SHARE = 0.75
PHOTO_GAP = 4  # lines between photos of one series
SHORT_SHARE = 3  # a text under a photo a third as long as the page's paragraphs is a caption
# An alt text that is not its caption's beginning, only says nearly the same, is short.
ALT_WORDS = 20
SAME_WORDS = 0.7  # share of words two lines have in common when one is a copy of the other

# -- repeats ---------------------------------------------------------------------------------

REPEATED_TEXT = 3  # a line this often on a page is the site's, not the article's

# -- the article zone ------------------------------------------------------------------------

# Weights of the article zone: a paragraph adds its words beyond ZONE_COST (at most
# PARAGRAPH_CAP of them); everything else costs. The zone is the run of lines with the
# largest total.
ZONE_COST = 10
PARAGRAPH_CAP = 60  # a very long line counts no more than this: one line is not an article
OUTSIDE_SHARE = 4  # prose outside the markup's article element counts a quarter
SHORT_COST = 2  # a short free line (a subheading, a label) costs a little
NOISE_COST = 4  # a line a rule named costs more
LABEL_COST = 40  # a section label or a footer: the article seldom runs past one
BARRIER_COST = 1000  # readers' comments: the article never runs past them
INLINE_LINES = 2  # inline links or photos a paragraph may follow and still be the article's
TAIL_LINES = 6  # how far below the body the signature is looked for
EDGE_LINES = 4  # how far from the headline or the body a dateline or byline still is theirs
OPENING_LINES = 14  # how far above the body the headline is looked for
# A dated headline this many lines into the densest prose opens the article there (what
# comes before it, a photo's caption say, is not the body).
OPENING_INSIDE = 3
LEAD_WORDS = 150  # the words of the lead a headline is compared with

# -- scores of a headline candidate ----------------------------------------------------------

NEAR_DATELINE = 5.0  # the dateline is next to it
NEAR_BYLINE = 2.0  # a byline is right under it
SHARED_WORDS = 6.0  # times the share of its words the lead repeats
COPY = 3.0  # for each copy elsewhere on the page (an alt text, a sticky bar), two at most
SHORT_HEADLINE = 3.0  # fewer real words than TITLE_WORDS
IN_A_LIST = 2.0  # it stands in a run of headline-shaped lines (a menu, a list of links)
DISTANCE = 1.0  # for each free headline-shaped line between it and the body
BELOW_TEXT = 4.0  # prose right above it: it is a subheading of that prose
CAPITALS = 2.0  # a line in capitals is more often a label than a headline
MARKUP_TITLE = 8.0  # the markup's headlines (og:title, JSON-LD, <title>) name it
MAIN_HEADING = 4.0  # the page's <h1>

# -- cards, comments and front pages ---------------------------------------------------------

TEASER_WORDS = (8, 80)  # the length of a card's teaser
CARD_CONTEXT = 3  # paragraphs an article needs before a card inside it can be told apart
APART_SHARE = 0.75  # ... when this share of them stand apart (a blank line above)
CARD_PAIRS = 3  # headline-and-teaser pairs at the body's end that are cards by themselves
COMMENT_GROUPS = 2  # comments laid out as records, at least this many in a row
# A front page: many cards, little prose of its own.
FRONT_CARDS = 6  # cards at least
FRONT_OPENINGS = 3  # stories that open with a headline, a date and a lead
FRONT_RUN = 2  # a front page's teasers stand alone, or two in a row at most
