#!/usr/bin/env python3
"""Writes the analytics-export fixtures of tests/model/test_metric_*.cpp, byte for byte.

The files copy the layouts that the networks' analytics pages download (encodings, byte-order
marks, `sep=` lines, quoting, line ends, description rows, date styles); the figures are
made up. Run from anywhere: python3 tests/data/metrics/make_fixtures.py
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOM8 = b"\xef\xbb\xbf"


def write(name: str, data: bytes) -> None:
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def utf16le(text: str) -> bytes:
    return b"\xff\xfe" + text.encode("utf-16-le")


def utf16be(text: str) -> bytes:
    return b"\xfe\xff" + text.encode("utf-16-be")


def quoted(rows, eol="\n", final=True) -> str:
    lines = [",".join('"' + str(v).replace('"', '""') + '"' for v in row) for row in rows]
    return eol.join(lines) + (eol if final else "")


# --- generic -------------------------------------------------------------------------------
write("generic/valid.csv", (
    "date,channel,profile,metric,value\n"
    "2026-01-01,instagram,,impressions,1200\n"
    "2026-01-01,instagram,,engagements,96\n"
    "2026-01-02,instagram,,impressions,1300.5\n"
    "2026-01-02,facebook,rimi-lv,followers,40210\n"
    "2026-01-02,facebook,rimi-lv,followers_gained,-3\n"
    "2026-01-01,linkedin,,response_minutes,42\n"
).encode())

write("generic/errors.csv", (
    "date,channel,profile,metric,value\r\n"
    "2026-02-30,instagram,,impressions,10\r\n"
    "2026-03-01,instagram,,impresions,10\r\n"
    "2026-03-01,instagram,,impressions,\"1,200\"\r\n"
    "2026-03-01,instagram,,engagement_rate,0.05\r\n"
    "2026-03-02,Insta Gram,,reach,5\r\n"
    "2026-03-02,instagram,,reach\r\n"
    "2026-03-03,instagram,,clicks,-4\r\n"
    "2026-03-04,tiktok,,posts,2\r\n"
    "2026-03-04,tiktok,,posts,3\r\n"
    "2026-03-05,tiktok,,happiness,3\r\n"
).encode())

write("generic/wrong_header.csv", b"date,channel,metric,value\n2026-01-01,instagram,reach,5\n")

# --- Meta Business Suite daily metric files: UTF-16LE with BOM ----------------------------------
write("meta/Views.csv", utf16le(
    'sep=,\r\n"Views"\r\n"Date","Primary"\r\n'
    '"2025-12-24T00:00:00","1520"\r\n'
    '"2025-12-25T00:00:00","2210"\r\n'
    '"2025-12-28T00:00:00","980"\r\n'
))
write("meta/Follows.csv", utf16le(
    'sep=,\n"Instagram follows"\n"Date","Primary"\n'
    '"2026-01-05T00:00:00","4"\n'
    '"2026-01-06T00:00:00","7"\n'
))
write("meta/Visits.csv", utf16le(
    'sep=,\n"Facebook visits"\n"Date","Primary"\n"2026-01-05T00:00:00","31"\n'
))
write("meta/Reach_utf16be.csv", utf16be(
    'sep=,\n"Reach"\n"Date","Primary"\n"2026-02-01T00:00:00","700"\n'
))

# --- Meta Business Suite post exports: UTF-8 with BOM ------------------------------------------
fb_header = ("Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,"
             "Permalink,Is crosspost,Is share,Post type,Languages,Custom labels,"
             "Funded content status,Data comment,Date,Views,Reach,"
             "\"Reactions, Comments and Shares\",Reactions,Comments,Shares,Total clicks,"
             "Link clicks,Other Clicks,Matched Audience Targeting Consumption (Photo Click),"
             "Views,Seconds viewed,Average Seconds viewed,Estimated earnings (USD)")
fb_rows = [
    "122158000000000001,61571000000001,Rimi Latvija,Pavasara piedāvājumi,\"Svaigi, lēti\",,"
    "03/15/2025 03:06,,https://www.facebook.com/rimi/posts/1,false,false,Photos,,,,,Lifetime,"
    "5400,4100,230,180,30,20,95,60,35,0,,,,",
    "122158000000000002,61571000000001,Rimi Latvija,Video,\"Ēdiens\nun prieks\",27,"
    "03/15/2025 18:40,,https://www.facebook.com/reel/2,false,false,Reels,,,,,Lifetime,"
    "12000,9000,610,500,70,40,120,80,40,0,8000,24000,3,",
    "122158000000000003,61571000000001,Rimi Latvija,Akcija,,,"
    "03/16/2025 09:00,,https://www.facebook.com/rimi/posts/3,false,false,Links,,,,,Lifetime,"
    "3000,2500,90,70,15,5,210,190,20,0,,,,",
]
write("meta/posts_facebook.csv", BOM8 + ("\n".join([fb_header] + fb_rows) + "\n").encode())

ig_header = ("Post ID,Account ID,Account username,Account name,Description,Duration (sec),"
             "Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Follows,"
             "Comments,Saves")
ig_rows = [
    "18011000000000001,17840000000000001,rimilatvija,Rimi Latvija,Pavasaris,0,03/27/2026 06:08,"
    "https://www.instagram.com/p/AAA/,IG image,,Lifetime,1600,1200,50,3,1,2,4",
    "18011000000000002,17840000000000001,rimilatvija,Rimi Latvija,\"Receptes, idejas\",44,"
    "03/27/2026 19:30,https://www.instagram.com/reel/BBB/,IG reel,,Lifetime,\"12,400\",9100,610,"
    "88,41,57,230",
]
write("meta/posts_instagram.csv", BOM8 + ("\r\n".join([ig_header] + ig_rows)).encode())

# --- Facebook Insights (classic) ---------------------------------------------------------------
page_header = ("Date,Lifetime Total Likes,Daily New Likes,Daily Unlikes,Daily Page Engaged Users,"
               "Weekly Page Engaged Users,Daily Total Reach,Daily Total Reach,"
               "Daily Total Impressions,Daily Page Consumptions,Daily Page Consumptions")
page_description = (
    ",Lifetime: The total number of people who have liked your Page. (Unique Users),"
    "Daily: The number of new people who have liked your Page. (Unique Users),"
    "Daily: The number of Unlikes of your Page (Unique Users),"
    "Daily: The number of people who engaged with your Page. Engagement includes any click or "
    "story created. (Unique Users),"
    "Weekly: The number of people who engaged with your Page. Engagement includes any click or "
    "story created. (Unique Users),"
    "\"Daily: The number of impressions seen of any content associated with your Page, by "
    "paid and organic. (Total Count)\","
    "Daily: The number of people who have seen any content associated with your Page. "
    "(Unique Users),"
    "Daily: The number of impressions seen of any content associated with your Page. "
    "(Total Count),"
    "Daily: The number of people who clicked on any of your content. (Unique Users),"
    "Daily: The number of clicks on any of your content. (Total Count)")
page_rows = [
    "8/19/2015,5120,12,2,140,610,9999,1800,2600,70,95",
    "8/20/2015,5131,14,3,155,630,9999,1950,2800,,101",
    "8/21/2015,,,,,,,,,,",
]
write("facebook_classic/page.csv",
      ("\r\n".join([page_header, page_description] + page_rows) + "\r\n").encode())

post_header = ("Post ID,Permalink,Post Message,Type,Countries,Languages,Posted,Audience Targeting,"
               "Lifetime Post Total Reach,Lifetime Post organic reach,Lifetime Post Paid Reach,"
               "Lifetime Post Total Impressions,Lifetime Engaged Users,Lifetime Post Consumers,"
               "Lifetime Post Consumptions")
post_description = (
    ",,,,,,,,Lifetime: The total number of people your Page post was served to. (Unique Users),"
    "\"Lifetime: The number of people who saw your Page post in news feed or ticker, or on your "
    "Page's timeline. (Unique Users)\","
    "Lifetime: The number of people your advertised Page post was served to. (Unique Users),"
    "Lifetime: The number of impressions of your Page post. (Total Count),"
    "Lifetime: The number of people who clicked anywhere in your posts. (Unique Users),"
    "Lifetime: The number of people who clicked anywhere in your post. (Unique Users),"
    "Lifetime: The number of clicks anywhere in your post. (Total Count)")
post_rows = [
    "951745098223517_980422845355742,https://www.facebook.com/rimi/posts/980422845355742:0,"
    "\"Jauni produkti, jaunas cenas\",Photo,,,10/1/2015 21:00, ,800,700,100,1100,60,50,75",
    "951745098223517_980216225376404,https://www.facebook.com/rimi/posts/980216225376404:0,"
    "Nedēļas akcijas,Photo,,,10/1/2015 9:22, ,400,400,0,520,20,18,22",
    "951745098223517_980000000000001,https://www.facebook.com/rimi/posts/980000000000001:0,"
    "Video,Video,,,10/2/2015 12:00, ,300,300,,350,,10,",
]
write("facebook_classic/posts.csv",
      ("\n".join([post_header, post_description] + post_rows) + "\n").encode())

# --- X ---------------------------------------------------------------------------------------
x_header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements",
            "engagement rate", "retweets", "replies", "likes", "user profile clicks", "url clicks",
            "hashtag clicks", "detail expands", "permalink clicks", "app opens", "app installs",
            "follows", "email tweet", "dial phone", "media views", "media engagements",
            "promoted impressions", "promoted engagements", "promoted engagement rate",
            "promoted retweets", "promoted replies", "promoted likes"]
x_rows = [
    ["1466000000000000001", "https://twitter.com/rimi/status/1466000000000000001",
     "Svētku piedāvājumi:\n- piparkūkas\n- \"mandarīni\", lēti", "2021-12-01 16:00 +0000",
     "2541.0", "61.0", "0.024006296733569462", "4.0", "3.0", "30.0", "5.0", "12.0", "0.0",
     "7.0", "0.0", "0", "0", "1", "0", "0", "0", "0", "-", "-", "-", "-", "-", "-"],
    ["1466000000000000002", "https://twitter.com/rimi/status/1466000000000000002",
     "Labrīt!", "2021-12-01 23:59 +0000", "459.0", "9.0", "0.0196", "0.0", "1.0", "6.0", "1.0",
     "0.0", "0.0", "2.0", "0.0", "0", "0", "0", "0", "0", "0", "0", "-", "-", "-", "-", "-", "-"],
    ["1466000000000000003", "https://twitter.com/rimi/status/1466000000000000003",
     "Atlaides", "2021-12-02 08:15 +0000", "1000.0", "20.0", "0.02", "1.0", "0.0", "15.0",
     "0.0", "4.0", "0.0", "0.0", "0.0", "0", "0", "0", "0", "0", "0", "0", "300", "9", "0.03",
     "-", "-", "-"],
]
write("x/tweet_activity.csv", quoted([x_header] + x_rows).encode())
x_old_header = [h if h != "likes" else "favorites" for h in x_header]
x_old_header = [h if h != "promoted likes" else "promoted favorites" for h in x_old_header]
write("x/tweet_activity_2015.csv", quoted([x_old_header] + [
    ["649293177409679360", "https://twitter.com/rimi/status/649293177409679360",
     "Old tweet http://t.co/x", "2015-09-30 18:42 +0000", "424.0", "3.0",
     "0.007075471698113208", "1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0", "0", "0",
     "0", "0", "0", "0", "0", "-", "-", "-", "-", "-", "-"]]).encode())

write("x/account_overview.csv", (
    "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,"
    "Profile visits,Create Post,Video views,Media views\n"
    "\"Sat, Sep 6, 2025\",2871,24,43,0,1,5,2,1,1,2,2,0,0\n"
    "\"Fri, Sep 5, 2025\",2199,12,26,0,0,0,1,2,0,0,1,10,4\n"
    "\"Thu, Sep 4, 2025\",336,2,15,0,0,3,0,2,0,1,0,0,0"
).encode())

# --- YouTube Studio --------------------------------------------------------------------------
write("youtube/Table data.csv", (
    "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,"
    "Estimated revenue (USD),Impressions,Impressions click-through rate (%)\n"
    "Total,,,,5230,410.5,37,12.40,91000,4.8\n"
    "R26qwMQVoos,\"Rimi receptes, 1. daļa\",\"Aug 28, 2025\",612,3529,300.1,30,9.10,60000,5.1\n"
    " -1o9DxIZKz,Pavasara salāti,\"Aug 28, 2025\",300,854,60.2,4,2.00,20000,3.9\n"
    "dQw4w9WgXcQ,Ziemassvētku galds,\"Sep 1, 2025\",840,847,50.2,3,1.30,11000,4.2\n"
).encode())
write("youtube/Table data (row cap).csv", (
    "Content,Video title,Video publish time,Duration,Views\n"
    "Total,,,,9000\n"
    "abcdefghijk,Viens,\"Aug 28, 2025\",60,1000\n"
).encode())
write("youtube/Chart data.csv", (
    "Date,Content,Video title,Video publish time,Duration,Views,Subscribers\n"
    "2025-08-28,R26qwMQVoos,\"Rimi receptes, 1. daļa\",\"Aug 28, 2025\",612,120,2\n"
    "2025-08-28, -1o9DxIZKz,Pavasara salāti,\"Aug 28, 2025\",300,30,0\n"
    "2025-08-29,R26qwMQVoos,\"Rimi receptes, 1. daļa\",\"Aug 28, 2025\",612,200,-1\n"
).encode())
write("youtube/Totals.csv", (
    "Date,Views,Watch time (hours),Subscribers,Impressions\n"
    "\"Aug 28, 2025\",150,12.5,2,4000\n"
    "\"Aug 29, 2025\",200,15.0,-1,5200\n"
).encode())

# --- TikTok Studio: UTF-8 with BOM, all quoted, no final line end ------------------------------
write("tiktok/Overview.csv", BOM8 + quoted([
    ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
    ["December 30", "undefined", "undefined", "undefined", "undefined", "undefined"],
    ["December 31", "834", "6", "50", "3", "2"],
    ["January 1", "11847", "18", "800", "-1", "40"],
], final=False).encode())
write("tiktok/Overview_lv.csv", BOM8 + quoted([
    ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares", "New followers"],
    ["2. marts", "118", "0", "5", "0", "0", "1"],
    ["3. martā", "201", "2", "9", "1", "0", "-2"],
    ["28 апреля", "342", "5", "7", "0", "0", "0"],
], final=False).encode())
write("tiktok/FollowerHistory.csv", BOM8 + quoted([
    ["Date", "Followers", "Difference in followers from previous day"],
    ["September 25", "10405", "0"],
    ["September 26", "10440", "35"],
], final=False).encode())
write("tiktok/Content.csv", BOM8 + quoted([
    ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments",
     "Total shares", "Total views"],
    ["18 января", "Jaunais gads, jauni plāni", "https://www.tiktok.com/@rimi/video/7593820674163100946",
     "10 января", "529", "170", "122", "28590"],
    ["18 января", "Decembra hīts", "https://www.tiktok.com/@rimi/video/7592618226463280400",
     "28 декабря", "1428", "93", "1087", "54239"],
    ["18 января", "Vēl viens", "https://www.tiktok.com/@rimi/video/7595253593532288273",
     "10 января", "84", "4", "8", "5221"],
], final=False).encode())

# --- LinkedIn Page analytics sheets saved as CSV --------------------------------------------------
write("linkedin/content.csv", (
    "\"Aggregated metrics for all posts on your page, by day. Rates are fractions.\",,,,,,,,,,,,,,,,,,,\n"
    "Date,Impressions (organic),Impressions (sponsored),Impressions (total),"
    "Unique impressions (organic),Clicks (organic),Clicks (sponsored),Clicks (total),"
    "Reactions (organic),Reactions (sponsored),Reactions (total),Comments (organic),"
    "Comments (sponsored),Comments (total),Reposts (organic),Reposts (sponsored),"
    "Reposts (total),Engagement rate (organic),Engagement rate (sponsored),"
    "Engagement rate (total)\n"
    "01/05/2026,1200,300,1500,800,40,10,50,30,5,35,4,1,5,2,0,2,0.063,0.053,0.061\n"
    "01/06/2026,900,0,900,650,20,0,20,18,0,18,2,0,2,1,0,1,0.045,0,0.045\n"
).encode())
write("linkedin/followers.csv", (
    "Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers\n"
    "01/05/2026,0,3,1,4\n"
    "01/06/2026,2,5,0,7\n"
).encode())
write("linkedin/visitors.csv", (
    "Date,Overview page views (desktop),Overview page views (mobile),Overview page views (total),"
    "Total page views (desktop),Total page views (mobile),Total page views (total),"
    "Total unique visitors (desktop),Total unique visitors (mobile),Total unique visitors (total)\n"
    "01/05/2026,10,12,22,30,40,70,8,11,19\n"
).encode())

# --- malformed ----------------------------------------------------------------------------------
full = quoted([x_header] + x_rows)
cut = full.index("lēti") + len("lēti")
write("malformed/tweet_activity_truncated.csv", full[:cut].encode())
write("malformed/windows1257.csv",
      "date,channel,profile,metric,value\n2026-01-01,instagram,,reach,5\n"
      "2026-01-02,instagram,Rīga,reach,6\n".encode("cp1257"))
write("malformed/utf16_without_bom.csv",
      'sep=,\n"Views"\n"Date","Primary"\n"2025-12-24T00:00:00","1520"\n'.encode("utf-16-le"))
write("malformed/overview_text_in_numbers.csv", BOM8 + quoted([
    ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
    ["March 2", "118", "0", "5", "0", "0"],
    ["March 3", "lots", "2", "9", "1", "0"],
    ["Marchh 4", "12", "2", "9", "1", "0"],
], final=False).encode())
write("malformed/overview_short_row.csv", BOM8 + (
    '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"March 2","118","0","5","0","0"\n'
    '"March 3","201","2"').encode())
write("malformed/unrecognised.csv", b"Name,Age,City\nAnna,31,Riga\n")
write("malformed/empty.csv", b"")
write("malformed/bom_only.csv", BOM8 + b"\r\n\r\n")

# --- issue 14: downloads as people committed them --------------------------------------------
# X account analytics content export (`account_analytics_content_<from>_<to>.csv`): the 2025
# header says `Link` and `Share`, the 2026 one `Post Link` and `Shares`; no quoting but where
# needed, dates in words, newest first.
x_content_2025 = ("Post id,Date,Post text,Link,Impressions,Likes,Engagements,Bookmarks,Share,"
                  "New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,"
                  "Hashtag Clicks,Permalink Clicks")
write("x/account_analytics_content_2025-08-10_2025-08-16.csv", (
    x_content_2025 + "\n"
    "1956400000000000001,\"Sat, Aug 16, 2025\",\"Svētdienas tirgus, 10:00\",https://x.com/rimi/status/1956400000000000001,1840,22,61,3,1,2,4,5,9,12,7,0,0\n"
    "1956300000000000002,\"Sat, Aug 16, 2025\",Labrīt!,https://x.com/rimi/status/1956300000000000002,460,5,14,0,0,0,1,1,2,3,1,0,0\n"
    "1955900000000000003,\"Fri, Aug 15, 2025\",\"Jauna recepte:\nzupa\",https://x.com/rimi/status/1955900000000000003,1200,10,30,1,0,1,2,0,4,6,3,0,1\n"
).encode())
x_content_2026 = ("Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,"
                  "New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,"
                  "Hashtag Clicks,Permalink Clicks")
write("x/account_analytics_content_2026-08-14_2026-08-15.csv", (
    x_content_2026 + "\n"
    "2056500000000000001,\"Sat, Aug 15, 2026\",Akcija,https://x.com/rimi/status/2056500000000000001,900,9,25,0,1,3,2,1,0,5,6,0,0\n"
    "2056100000000000002,\"Fri, Aug 14, 2026\",\"Jautājums, atbilde\",https://x.com/rimi/status/2056100000000000002,300,2,8,0,0,0,3,0,1,1,0,0,0"
).encode())

# Meta post export whose oldest posts are shorter than the header: Meta leaves out their
# trailing empty columns (here everything after `Total clicks`, and after `Reach`).
write("meta/posts_facebook_short_rows.csv", BOM8 + ("\n".join([fb_header] + fb_rows[:1] + [
    "122158000000000009,61571000000001,Rimi Latvija,Vecs ieraksts,,,"
    "01/05/2024 10:00,,https://www.facebook.com/rimi/posts/9,false,false,Photos,,,,,Lifetime,"
    "700,650,12,10,1,1,4",
    "122158000000000010,61571000000001,Rimi Latvija,Vēl vecāks,,,"
    "01/04/2024 08:30,,https://www.facebook.com/rimi/posts/10,false,false,Photos,,,,,Lifetime,"
    "400,380",
]) + "\n").encode())

# YouTube Table data with unlisted/private/deleted videos: no publish time, figures kept.
write("youtube/Table data (undated).csv", (
    "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,"
    "Impressions\n"
    "Total,,,,1400,80.0,9,30000\n"
    "R26qwMQVoos,\"Rimi receptes, 1. daļa\",\"Aug 28, 2025\",612,1000,60.0,6,20000\n"
    "xY9_unlist1,Iekšējais video,,95,250,12.0,2,6000\n"
    "deleted0001,,,0,150,8.0,1,4000\n"
).encode())
# Chart data split by traffic source (Studio: "Traffic source" chosen as the split): a
# breakdown of the channel's views, rounded per source.
write("youtube/Chart data (traffic source).csv", (
    "Date,Traffic source,Views,Watch time (hours)\n"
    "2025-08-28,YouTube search,80,6.1\n"
    "2025-08-28,Browse features,60,4.0\n"
    "2025-08-28,External,9,0.6\n"
    "2025-08-29,YouTube search,120,9.0\n"
    "2025-08-29,Suggested videos,81,5.5\n"
).encode())
# Chart data of 5 charted videos out of many: the Total of Table data says 442 videos.
write("youtube/Chart data (5 videos).csv", (
    "Date,Content,Video title,Video publish time,Duration,Views\n"
    + "".join(f"2025-08-28,vid{n:08d}xx,Video {n},\"Aug 1, 2025\",60,{10 * n}\n" for n in range(1, 6))
).encode())
# Totals.csv with only the metric chosen in Studio.
write("youtube/Totals (subscribers only).csv", (
    "Date,Subscribers\n"
    "2025-08-28,3\n"
    "2025-08-29,-2\n"
    "2025-08-30,0\n"
).encode())

# An older Facebook page export in Windows-1252 (Latin-1): curly apostrophes and accents in the
# description row.
write("facebook_classic/page_windows1252.csv", ("\r\n".join([
    page_header,
    page_description.replace("your Page.", "your Page\u2019s caf\u00e9.", 1),
] + page_rows[:2]) + "\r\n").encode("cp1252"))

# TikTok Studio in Greek (genitive month names, as the Greek interface writes dates), and in
# Polish and French.
write("tiktok/Overview_el.csv", BOM8 + quoted([
    ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
    ["30 Οκτωβρίου", "410", "3", "20", "2", "1"],
    ["31 Οκτωβρίου", "520", "4", "25", "0", "3"],
    ["1 Νοεμβρίου", "610", "5", "30", "1", "2"],
], final=False).encode())
write("tiktok/Overview_pl_fr.csv", BOM8 + quoted([
    ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
    ["2 marca", "100", "1", "4", "1", "0"],
    ["3 mars", "200", "2", "6", "0", "1"],
], final=False).encode())
# TikTok business-account overview: dates `YYYY/MM/DD`, `NAN` where there is no figure.
write("tiktok/Overview_business.csv", BOM8 + quoted([
    ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
    ["2025/10/30", "NAN", "NAN", "NAN", "NAN", "NAN"],
    ["2025/10/31", "1500", "12", "90", "NAN", "5"],
    ["2025/11/01", "1720", "NAN", "110", "7", "9"],
], final=False).encode())
# FollowerHistory: `undefined` followers with a `0` difference before data exists.
write("tiktok/FollowerHistory_undefined.csv", BOM8 + quoted([
    ["Date", "Followers", "Difference in followers from previous day"],
    ["September 23", "undefined", "0"],
    ["September 24", "undefined", "0"],
    ["September 25", "10405", "12"],
], final=False).encode())
