"""Language evidence: jieba's dictionary (loaded once, lazily), character
statistics derived from it, and the patterns of newspaper pages.

Everything here is general Chinese/newspaper knowledge; nothing is specific to
any particular page.
"""
from __future__ import annotations

import math
import re
import threading
from functools import cached_property, lru_cache

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")

# Sentence-final punctuation; closing marks count as final when they follow one.
FINAL = set("。！？!?…")
CLOSERS = set("”’」』)）】》\"'")
SOFT_FINAL = set(";；:：")
# Characters that cannot end a sentence (function words, open brackets …).
OPEN_END_CHARS = set("的地得和与及或在对将把被从向为以于由让使给同跟、，,“「『（(《【")
# Characters that (almost) never start a sentence: particles, suffixes, and the
# copula `是`, which needs its subject before it (`市民|是城市的主体`).
CONT_START = set("的了着们之吗呢吧啊得是")
# Measure words and units that follow a number split at a cut.
# (ages, weights, plants and animals, rooms, sheets and copies, days and weeks:
# `其中60|岁以上老人`, `亩产1200|斤`)
UNITS = set("个名人件次项家场元户余万亿千百年月日号届期批条所座台辆亩吨平米公%％倍"
            "岁斤株棵头只套间张份支本篇层栋处天周秒克")
# Characters that cannot start a paragraph.
NO_START = set("，,。、；;：:！!？?）)」』】》”’…·")

LEAD_RE = re.compile(r"^(?:本报讯|本报(?:综合)?消息|本报(?:[^\s,，。]{0,8})?(?:\d+月)?\d*日?电|新华社[^\s,，。]{0,12}电|"
                     r"中新(?:社|网)[^\s,，。]{0,12}电|人民网[^\s,，。]{0,12}电|据新华社|本报记者[^\s,，。]{1,12}报道|"
                     r"\(记者[^)]{1,20}\)|（记者[^）]{1,20}）)")
# openings that take up what was said before them: a paragraph goes on with a story there
FOLLOW_UP_WORDS = "据了解|据悉|据介绍|此外|另外|同时|与此同时|下一步"
# paragraph openings: a time frame (`近日,` `自2017年…以来,`), a follow-up, a meeting's words
OPENER_RE = re.compile(r"^(?:近日|近期|日前|如今|当下|当前|眼下|时下|今年以来|近年来|多年来|去年以来|目前|"
                       rf"{FOLLOW_UP_WORDS}|截至目前|会上|会议(?:指出|强调|要求)|\d{{1,2}}月\d{{1,2}}日|(?:自|从)?\d{{4}}年|"
                       # a feature's scene-setting opening: `清晨7点,` `初冬的清晨,` `傍晚时分,` `每逢周末,`
                       r"(?:[\u4e00-\u9fff]{1,3}的)?(?:清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|夜晚|深夜|凌晨)|[\u4e00-\u9fff]{2}时分|每逢|每到)")
# a named speaker's words opening a paragraph (`徐芝文在会上指出,` `李明强调:`), as `会议强调,` does
SPEAKER_RE = re.compile(rf"^([{CJK}·]{{2,4}}?)(?:在会上|在会议上|在讲话中|在致辞中)?(?:指出|强调|表示|要求|认为)[,，:：]")
# a sentence's opening adverbial set off by a comma: a time (`三年多来,` `演出期间,`
# `今年3月,`), a place or circumstance (`在浦口镇,` `随着…显现,` `面对…,`), a
# source, speaker or evidence (`据统计,` `…有关部门表示,` `实践证明,` `数据显示,`);
# headings set phrases side by side (`全民参与,让文明触手可及`), not an adverbial
# and the clause it frames
_TIME_FRAME = (r"[^,，。;；:：“”]{1,10}(?:(?:以|年|多|月|天|日)来|期间|之际|时分|之后|以后|年起|月起)|"
               r"(?:今年|去年|明年|\d{4}年)\d{1,2}月(?:\d{1,2}日)?(?:上旬|中旬|下旬|初|底)?")
# prepositions opening such an adverbial (`在浦口镇,` `随着…显现,`)
FRAME_PREPOSITIONS = ("在", "随着", "面对", "通过", "经过", "为了", "自", "从")
FRAME_RE = re.compile(rf"^(?:(?:{'|'.join(FRAME_PREPOSITIONS)}|截至|据)[^,，。;；:：“”]{{1,16}}|{_TIME_FRAME}|"
                      r"[^,，。;；:：“”]{2,12}(?:表示|指出|强调|介绍|认为|证明|表明|显示))[,，]")
# … of these, a short time (a bare year too: `2025年,`) or a source: hardly the
# words a cut sentence goes on with (`…发展到58人|试点以来,` `…下村党|据统计,`
# `…办起了企|2025年,`) unless a word spans the cut
# (`今|年以来,`) (a speaker's name or post is often cut: `廖|仁松在讲话中指出,`)
TIME_SOURCE_RE = re.compile(r"^(?:[^,，。;；:：“”]{1,4}(?:(?:以|年|多|月|天|日)来|期间|年起|月起)|"
                            r"(?:今年|去年|明年|\d{4}年)\d{1,2}月(?:\d{1,2}日)?(?:上旬|中旬|下旬|初|底)?|\d{4}年(?:初|底)?|"
                            r"据[^,，。;；:：“”]{1,6})[,，]")
# a sentence opening with a purpose clause: 为 + a verb or adverb of purpose (`为推动…,` `为不断提升…`)
PURPOSE_RE = re.compile(r"^为了?(?:进一步|更好|不断|切实|全面|充分|有效|持续|深入|大力|积极|推动|推进|提升|提高|巩固|"
                        r"加强|深化|营造|解决|解答|扩大|完善|确保|促进|打造|落实|助力|做好|抓好|增强|贯彻|激发|调动|"
                        r"丰富|满足|引导)")
HEADING_MARK_RE = re.compile(r"^(?:[◎●■▲◆★☆□○◇▶►→]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|"
                             r"\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[,，、 ])")
CALLOUT_RE = re.compile(r"^(?:数说|链接|相关链接|延伸阅读|记者手记|编者按|编后|短评|点评|小贴士|背景|名词解释)\s*[:：]?")
CREDIT_RE = re.compile(rf"^[（(]?(?:(?:本报|新华社|特约|通讯员)?记者\s*)?[{CJK}·]{{2,4}}(?:\s*[、,， ]\s*[{CJK}·]{{2,4}})*\s*摄[）)]?$")
CAPTION_TAIL_RE = re.compile(rf"(?:[{CJK}·]{{2,4}}(?:\s*[、,， ]\s*[{CJK}·]{{2,4}})*\s*摄|新华社发|资料图片|供图|(?:本报)?记者\s*[{CJK}·]{{2,4}}\s*摄)\s*[）)]?$")
CAPTION_HEAD_RE = re.compile(r"^(?:图为|图[:：]|上图|下图|左图|右图|▲|△)")
# (an ad's label stands alone or leads its desk's details, `公益广告`, `广告热线:…`;
# a headline may name ads as its subject, `…新增一批公益广告`)
NOISE_RE = re.compile(r"(?:官方微信|官方微博|微信公众号|公众号|客户端|扫码|扫一扫|二维码|^[\u4e00-\u9fff]{0,4}广告|"
                      r"广告(?:热线|部|中心|经营|许可|代理|招商|电话|联系|刊例)|邮发代号|责任编辑|本版编辑|"
                      r"版式设计|美术编辑|美编|校对|主办单位|国内统一连续出版物号|订阅|定价|热线[:：]?\s*\d|电话[:：]\s*\d|传真|"
                      r"^第\s*[0-9一二三四五六七八九十]+\s*版$|^\d{4}年\d{1,2}月\d{1,2}日\s*星期.$)")
NOISE_END_RE = re.compile(r"(?:网|微信|微博|APP|App|客户端|公众号|热线)$")
# the headline of a round-up column (`短讯`, `教育快讯`, `新闻速递`): several short
# news items, each its own lead paragraph with no headline, printed under it
ROUNDUP_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:短讯|简讯|快讯|速递|简报|速览|一句话新闻|图片新闻)$")
BYLINE_ROLE_RE = re.compile(r"^(?:本报(?:特约)?记者|记者|通讯员|特约记者|见习记者|本报评论员|评论员|文/图|文图|文|图|作者)\s*[:：/]?\s*")
# the byline of a paper's own commentary, signed by the desk rather than a
# person (`本报评论员`, `本报特约评论员`, `新华社评论员`, `本报评论部`): a byline
# on its own, with no name after it
DESK_BYLINE_RE = re.compile(r"^(?:本报|本刊|本台|本网|新华社)(?:特约)?评论(?:员|部)$")
# copy sent in by a local office is signed by the office, with no name after it
# (`某某县委宣传部`, `中共某某区委宣传部`, `某某市文明办`, `某某区融媒体中心`):
# a place or party committee, then the press office's name
ORG_BYLINE_RE = re.compile(rf"^(?:中共)?[{CJK}]{{1,10}}?[省市区县州旗镇乡委](?:党委|党工委)?"
                           r"(?:宣传部|宣传处|宣传科|宣传办|文明办|新闻办|新闻中心|融媒体中心)$")
# a letter's closing formula, printed on a line of its own above `敬礼！`: a line
# of the letter's text, not a heading
LETTER_CLOSING = "此致"
# a letter's salutation (`尊敬的编辑同志：`, `广大网民朋友们：`, `各位居民朋友：`):
# it addresses the readers once, on a line of its own or before the first paragraph
SALUTATION_RE = re.compile(r"^(?:尊敬的|亲爱的|各位|全体|广大)[^,，。、;；:：!！?？“”]{1,20}[:：]")
# the signature closing a letter, an appeal or a statement: its issuers and the
# date it was issued (or the date alone), on a line of its own, with no clause
# marks (`某某市文明办 某某市委网信办 2026年11月20日`): the text's last
# paragraph, not a heading and no sentence cut at a column end
LETTER_SIGNATURE_RE = re.compile(r"^(?:[^,，。、;；:：!！?？“”《》()（）]{2,40}\s+)?(?:\d{4}|[〇零一二三四五六七八九]{4})年"
                                 r"[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$")
NAME_RE = re.compile(rf"^[{CJK}·]{{2,4}}$")

SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
    "夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷"
    "詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农"
    "司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
    "狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於"
    "呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯", "长孙", "宇文", "司徒", "端木")


def is_cjk(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff") or ("\u3400" <= ch <= "\u4dbf") or ("\uf900" <= ch <= "\ufaff")


def cjk_len(s: str) -> int:
    return len(_CJK_RE.findall(s))


def ends_closed(s: str) -> bool:
    """True when the text ends a sentence (。！？… possibly followed by closers)."""
    s = s.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
        if s and s[-1] in FINAL:
            return True
        if not s or s[-1] not in CLOSERS:
            return False
    return bool(s) and s[-1] in FINAL


def looks_like_name(tok: str) -> bool:
    if not NAME_RE.match(tok):
        return False
    return tok[0] in SURNAMES or tok.startswith(COMPOUND_SURNAMES) or "·" in tok


# ---------------------------------------------------------------------------------------
# The dictionary and its derived statistics, cached on disk.
#
# Building jieba's prefix dictionary (~500k entries) and the character statistics takes
# seconds in every new process. They are computed once per jieba dictionary and kept in
# a versioned cache file ($XDG_CACHE_HOME/banmian or ~/.cache/banmian), keyed by the
# sha256 of jieba's dict.txt and LEXICON_VERSION. The file holds the small statistics
# in a header and the frequency dictionary split by first character into independently
# marshalled shards, read only when a lookup first needs them: a page touches a small
# part of the dictionary. Unwritable cache directory → computed in memory as before.

LEXICON_VERSION = 2
_MAGIC = b"BANMIAN-LEXICON\n"


def cache_dir() -> str:
    """Banmian's user cache directory ($XDG_CACHE_HOME/banmian or ~/.cache/banmian)."""
    import os

    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "banmian")


def _jieba_dict_file() -> str | None:
    """Path of jieba's default dictionary (what `jieba.Tokenizer()` loads), found
    without importing jieba (which costs a few hundred ms)."""
    import importlib.util
    import os

    try:
        spec = importlib.util.find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return os.path.normpath(os.path.join(os.getcwd(), os.path.dirname(spec.origin), "dict.txt"))


def _compute() -> tuple[dict[str, int], int, tuple[dict, dict, dict, dict]]:
    """jieba's prefix dictionary (word and every word prefix → frequency, 0 for mere
    prefixes), its total, and the character statistics derived from it."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    freq: dict[str, int] = tok.FREQ
    start: dict[str, float] = {}
    inner: dict[str, float] = {}
    end: dict[str, float] = {}
    nonend: dict[str, float] = {}
    for w, f in freq.items():
        if f <= 0 or len(w) < 2:
            continue
        c0, cl = w[0], w[-1]
        start[c0] = start.get(c0, 0) + f
        end[cl] = end.get(cl, 0) + f
        for c in w[1:]:
            inner[c] = inner.get(c, 0) + f
        for c in w[:-1]:
            nonend[c] = nonend.get(c, 0) + f
    return freq, tok.total, (start, inner, end, nonend)


def _serialise(key: str, freq: dict[str, int], total: int, stats: tuple) -> bytes:
    """Cache file: magic, header length, marshalled header, then the shards (one
    marshalled dict per first character, in order of first appearance) and the
    sequence of shard numbers in the dictionary's own order (to rebuild it exactly)."""
    import array
    import marshal
    import zlib

    shards: dict[str, dict[str, int]] = {}
    number: dict[str, int] = {}
    order = array.array("I")
    for w, f in freq.items():
        c = w[:1]
        if not c:
            raise ValueError("empty dictionary word")
        d = shards.get(c)
        if d is None:
            d = shards[c] = {}
            number[c] = len(number)
        d[w] = f
        order.append(number[c])
    parts, offsets, pos = [], array.array("Q", [0]), 0
    for d in shards.values():
        b = marshal.dumps(d, 4)
        parts.append(b)
        pos += len(b)
        offsets.append(pos)
    parts.append(order.tobytes())
    blob = b"".join(parts)
    header = marshal.dumps((LEXICON_VERSION, key, total, tuple(stats), "".join(shards),
                            offsets.tobytes(), len(blob), zlib.crc32(blob)), 4)
    return _MAGIC + len(header).to_bytes(8, "little") + zlib.crc32(header).to_bytes(4, "little") + header + blob


def _parse(data: bytes, key: str):
    """(total, stats, shards, full) from a cache file's bytes; ValueError when it is not
    a complete cache file for `key`."""
    import array
    import marshal
    import zlib

    if not data.startswith(_MAGIC):
        raise ValueError("not a lexicon cache")
    at = len(_MAGIC) + 12
    hlen = int.from_bytes(data[len(_MAGIC):at - 4], "little")
    view = memoryview(data)
    header = view[at:at + hlen]
    if zlib.crc32(header) != int.from_bytes(data[at - 4:at], "little"):
        raise ValueError("damaged lexicon cache header")
    try:
        version, k, total, stats, chars, offs, blen, crc = marshal.loads(header)
        blob = view[at + hlen:]
        if version != LEXICON_VERSION or k != key or len(blob) != blen or zlib.crc32(blob) != crc:
            raise ValueError("stale or damaged lexicon cache")
        offsets = array.array("Q")
        offsets.frombytes(offs)
    except (EOFError, TypeError, ValueError) as e:
        raise ValueError("bad lexicon cache") from e
    chars_list = list(chars)
    if len(chars_list) + 1 != len(offsets):
        raise ValueError("damaged lexicon cache index")
    index = dict(zip(chars_list, range(len(chars_list))))
    shards = _Shards(blob, index, offsets)

    def full() -> dict[str, int]:
        order = array.array("I")
        order.frombytes(blob[offsets[-1]:])
        items = [iter(shards[c].items()) for c in chars_list]
        out: dict[str, int] = {}
        for n in order:
            w, f = next(items[n])
            out[w] = f
        return out

    return total, stats, shards, full


_EMPTY: dict[str, int] = {}


class _Shards(dict):
    """first character → dict of the dictionary entries starting with it, each
    unmarshalled from the cache file on first use."""

    def __init__(self, blob, index: dict[str, int], offsets) -> None:
        super().__init__()
        self._blob, self._index, self._offsets = blob, index, offsets

    def __missing__(self, c: str) -> dict[str, int]:
        import marshal

        i = self._index.get(c)
        d = _EMPTY if i is None else marshal.loads(self._blob[self._offsets[i]:self._offsets[i + 1]])
        self[c] = d
        return d


class _Whole:
    """Stands in for `_Shards` when the whole dictionary is in memory."""

    __slots__ = ("freq",)

    def __init__(self, freq: dict[str, int]) -> None:
        self.freq = freq

    def __getitem__(self, c: str) -> dict[str, int]:
        return self.freq


def _write_atomic(path: str, data: bytes) -> None:
    import os
    import tempfile

    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".lexicon-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _load():
    """(total, stats, shards, full): from the cache file when there is a valid one,
    else computed (and the cache file written when possible)."""
    import hashlib
    import marshal
    import os

    path = None
    src = _jieba_dict_file()
    if src is not None:
        try:
            with open(src, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        except OSError:
            pass
        else:
            key = f"{digest}:{LEXICON_VERSION}:{marshal.version}"
            path = os.path.join(cache_dir(), f"lexicon-v{LEXICON_VERSION}-{digest[:24]}.bin")
            try:
                with open(path, "rb") as f:
                    return _parse(f.read(), key)
            except (OSError, ValueError):
                pass
    freq, total, stats = _compute()
    if path is not None:
        try:
            _write_atomic(path, _serialise(key, freq, total, stats))
        except (OSError, ValueError):
            pass
    return total, stats, _Whole(freq), lambda: freq


class Lexicon:
    """jieba dictionary frequencies and character positional statistics."""

    def __init__(self) -> None:
        total, stats, shards, full = _load()
        self._shards = shards
        self._full = full
        self.total = total
        self.logtotal = math.log(self.total)
        self._start, self._inner, self._end, self._nonend = stats

    @cached_property
    def freq(self) -> dict[str, int]:
        """The whole prefix dictionary (word or word prefix → frequency, 0 for a mere
        prefix), in jieba's order. Built on first access; lookups use the shards."""
        return self._full()

    def word_freq(self, w: str) -> int:
        if not w:
            return 0
        return self._shards[w[0]].get(w) or 0

    def cont_prior(self, c: str) -> float:
        """How likely a text starting with `c` begins inside a word (0–1)."""
        if not is_cjk(c):
            return 0.5
        inner = self._inner.get(c, 0.0)
        alone = self._start.get(c, 0.0) + self._shards[c[0]].get(c, 0) * 2
        return (inner + 1) / (inner + alone + 2)

    def open_prior(self, c: str) -> float:
        """How likely a text ending with `c` stops inside a word (0–1)."""
        if not is_cjk(c):
            return 0.5
        nonend = self._nonend.get(c, 0.0)
        alone = self._end.get(c, 0.0) + self._shards[c[0]].get(c, 0) * 2
        return (nonend + 1) / (nonend + alone + 2)

    def best(self, s: str) -> tuple[float, list[tuple[int, int]]]:
        """Max-probability segmentation of a short string (jieba's model, no HMM)."""
        n = len(s)
        shards, lt, log = self._shards, self.logtotal, math.log
        score = [0.0] * (n + 1)
        nxt = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            c = s[i]
            get = shards[c].get  # every word starting at i starts with s[i]
            best_v, best_j = (log(get(c) or 1) - lt) + score[i + 1], i + 1
            for j in range(i + 2, min(n, i + 8) + 1):
                f = get(s[i:j])
                if f is None:
                    break
                if f > 0:
                    v = log(f) - lt + score[j]
                    if v > best_v:
                        best_v, best_j = v, j
            score[i], nxt[i] = best_v, best_j
        spans, i = [], 0
        while i < n:
            spans.append((i, nxt[i]))
            i = nxt[i]
        return score[0], spans

    @lru_cache(maxsize=16384)
    def _score(self, s: str) -> float:
        """best(s)[0], cached: a block's window meets many other blocks' windows."""
        return self.best(s)[0]

    @lru_cache(maxsize=16384)
    def spans(self, s: str) -> tuple[tuple[int, int], ...]:
        """best(s)[1] (the words), cached: asked again of the same short windows."""
        return tuple(self.best(s)[1])

    @lru_cache(maxsize=16384)
    def _open_ends(self, left: str) -> tuple[str, ...]:
        """The suffixes of `left` (up to 7 characters) that begin a dictionary
        word: only these can go on across a cut (the prefix dictionary holds
        every prefix of every word)."""
        k, shards = len(left), self._shards
        return tuple(left[a:] for a in range(max(0, k - 7), k) if shards[left[a]].get(left[a:]) is not None)

    def may_cross(self, left: str, c: str) -> bool:
        """Could a dictionary word span the end of `left` and a following `c`?
        `best` only tries words whose every prefix is in the prefix dictionary,
        up to 8 characters, so without one no segmentation spans the cut."""
        shards = self._shards
        for s in self._open_ends(left):
            if shards[s[0]].get(s + c) is not None:
                return True
        return False

    def crossing(self, left: str):
        """`may_cross(left, c)` as a test of `c` alone, for a left text checked
        against many right texts."""
        tests = [(self._shards[s[0]].get, s) for s in self._open_ends(left)]

        def crosses(c: str) -> bool:
            for get, s in tests:
                if get(s + c) is not None:
                    return True
            return False

        return crosses

    def crossing_chars(self, left: str, chars) -> set[str]:
        """The characters `c` of `chars` for which `may_cross(left, c)`, for a
        left text checked against the first characters of many right texts
        (a comprehension per open end of `left`, no call per character)."""
        out: set[str] = set()
        for s in self._open_ends(left):
            get = self._shards[s[0]].get
            out.update([c for c in chars if get(s + c) is not None])
        return out

    def boundary(self, left: str, right: str) -> tuple[float, str]:
        """(gain, word): how much a dictionary word spanning left|right improves
        the segmentation (≥ 0; 0 = the break falls between words). Most cuts
        have no word that could span them: that is found without segmenting."""
        if not left or not right or not self.may_cross(left, right[0]):
            return 0.0, ""
        return self._boundary(left, right)

    def boundary_across(self, left: str, right: str) -> tuple[float, str]:
        """`boundary` of a cut a dictionary word may span (`may_cross(left,
        right[0])` known, both texts non-empty): not asked again."""
        return self._boundary(left, right)

    @lru_cache(maxsize=65536)
    def _boundary(self, left: str, right: str) -> tuple[float, str]:
        sj, spans = self.best(left + right)
        gain = sj - self._score(left) - self._score(right)
        k = len(left)
        for a, b in spans:
            if a < k < b:
                return gain, (left + right)[a:b]
        return 0.0, ""


_LEX: Lexicon | None = None
_LOCK = threading.Lock()


def lexicon() -> Lexicon:
    global _LEX
    if _LEX is None:
        with _LOCK:
            if _LEX is None:
                _LEX = Lexicon()
    return _LEX


@lru_cache(maxsize=8192)
def tail_window(s: str, n: int = 5) -> str:
    """The last run of word characters (at most n) before the end of s."""
    out = []
    for ch in reversed(s):
        if ch.isspace():
            continue
        if not (is_cjk(ch) or ch.isalnum()):
            break
        out.append(ch)
        if len(out) >= n:
            break
    return "".join(reversed(out))


@lru_cache(maxsize=8192)
def head_window(s: str, n: int = 5) -> str:
    out = []
    for ch in s:
        if ch.isspace():
            continue
        if not (is_cjk(ch) or ch.isalnum()):
            break
        out.append(ch)
        if len(out) >= n:
            break
    return "".join(out)


_CJK_RUN_RE = re.compile(f"[{CJK}]{{2,}}")


def bigrams(s: str) -> set[str]:
    """The pairs of adjacent CJK characters in s (added in text order: a set's
    iteration order follows it). Read run by run: a lookahead pattern matching
    every pair would try each position of the text, and costs more."""
    return {r[i:i + 2] for r in _CJK_RUN_RE.findall(s) for i in range(len(r) - 1)}


@lru_cache(maxsize=16384)
def dangling_end(s: str, chars: frozenset) -> bool:
    """The text ends with a single-character word from `chars` (…的, …将, …让),
    not with a longer word that happens to end so (触手可及, 目的)."""
    if not s or s[-1] not in chars:
        return False
    tw = tail_window(s, 5)
    if not tw or tw[-1] != s[-1]:
        return True
    _, spans = lexicon().best(tw)
    a, b = spans[-1]
    return b - a == 1
