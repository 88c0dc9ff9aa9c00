"""`banmian new DIR`: a new site (config, an example issue) that builds at once."""
from __future__ import annotations

from pathlib import Path

from .errors import BanmianError

EXAMPLE_DATE = "2024-01-15"

CONFIG = """\
# Banmian site configuration. Unknown keys are warned about; see README "Configuration".
title = "示例日报 · 数字报"
description = "用 Banmian 由版面原始文本生成的数字报"
# The absolute URL the site is served at (feeds, sitemap, canonical links).
base_url = "http://127.0.0.1:8000/"
language = "zh-CN"
theme = "default"          # themes/<name>/ here overrides files of the built-in theme
output_dir = "_site"       # replaced whole on every build: never point it at your sources
content_dir = "content"
publisher = "示例日报社"
feed_issues = 7            # how many latest issues the Atom feed covers

[search]
enabled = true
"""

ISSUE = """\
# One folder per issue (期), named by its date YYYY-MM-DD.
number = 1
title = "创刊号"
"""

PAGE_1 = """\
+++
name = "要闻"
+++
社区食堂开进老街巷

——城南街道为老服务办实事

本报记者 王晓明

清晨六点半，城南街道老街巷的社区食堂已经飘出饭菜香。这家由闲置仓库改造的食堂今年元旦开始营业，每天为周边两千多名老人提供早餐和午餐，一荤两素一汤的套餐只要十二元。

“以前一个人懒得做饭，常常对付一口。现在下楼走几步就能吃上热乎饭，还能和老邻居聊聊天。”七十六岁的李大爷说。

街道负责人介绍，食堂采取“政府补一点、企业让一点、个人出一点”的运营方式，并为行动不便的老人提供送餐上门服务。下一步，街道将在另外三个社区推广这一做法。

图为老人们在社区食堂用餐。 本报记者 赵静 摄
"""

PAGE_2 = """\
+++
name = "民生"
+++
# 背街小巷换新颜

## ——老旧小区改造惠及三千户居民

本报通讯员 陈思

去年以来，全市启动背街小巷环境整治提升工程，累计完成老旧小区改造四十二个，惠及居民三千余户。改造内容包括管网更新、外墙保温、加装电梯和增设停车位等。

### 居民点单 政府买单

改造前，街道通过入户走访和议事会收集居民意见一百多条，形成“一小区一方案”。施工期间，居民代表全程参与监督，确保工程质量。

> 数说：全年新增停车位一千二百个，加装电梯六十八部。
"""


def new_site(path: Path | str) -> Path:
    """Create a site skeleton in `path` (which must not exist or be empty)."""
    root = Path(path)
    if root.exists():
        if not root.is_dir():
            raise BanmianError("exists and is not a folder; choose a new folder name", root)
        if any(root.iterdir()):
            raise BanmianError("folder is not empty; `banmian new` only writes into a new or "
                               "empty folder", root)
    issue = root / "content" / EXAMPLE_DATE
    try:
        issue.mkdir(parents=True, exist_ok=True)
        (root / "banmian.toml").write_text(CONFIG, encoding="utf-8")
        (root / ".gitignore").write_text("_site/\n.*.lock\n", encoding="utf-8")
        (issue / "issue.toml").write_text(ISSUE, encoding="utf-8")
        (issue / "01.txt").write_text(PAGE_1, encoding="utf-8")
        (issue / "02.md").write_text(PAGE_2, encoding="utf-8")
    except OSError as e:
        raise BanmianError(f"cannot create the site: {e.strerror}", e.filename or root) from None
    return root.resolve()
