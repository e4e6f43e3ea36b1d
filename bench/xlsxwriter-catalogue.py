#!/usr/bin/python3
"""The entry catalogue written by Python's xlsxwriter (constant memory), for
bench/compare-reports.sh: the same columns as taizhang-cli report catalogue."""
import sqlite3
import sys

import xlsxwriter

db, path = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
rows = con.execute(
    "SELECT t.name, ifnull(ru.name, ''), coalesce(p.name, eu.name, ''), e.title,"
    " ifnull(e.description, ''), e.status FROM entry e JOIN track t ON t.id = e.track_id"
    " LEFT JOIN unit ru ON ru.id = e.recommending_unit_id LEFT JOIN person p ON p.id = e.person_id"
    " LEFT JOIN unit eu ON eu.id = e.entrant_unit_id ORDER BY t.seq, e.id")
wb = xlsxwriter.Workbook(path, {"constant_memory": True})
ws = wb.add_worksheet("作品目录")
head = wb.add_format({"bold": True, "border": 1})
text = wb.add_format({"border": 1, "num_format": "@"})
for c, h in enumerate(["序号", "子活动", "推荐单位", "参评对象", "作品名称", "作品说明", "要求符合情况", "状态"]):
    ws.write_string(0, c, h, head)
ws.freeze_panes(1, 0)
n = 0
for n, (track, unit, entrant, title, desc, status) in enumerate(rows, start=1):
    ws.write_number(n, 0, n, text)
    for c, v in enumerate([track, unit, entrant, title, desc, "符合", status], start=1):
        ws.write_string(n, c, v, text)
ws.autofilter(0, 0, n, 7)
wb.close()
