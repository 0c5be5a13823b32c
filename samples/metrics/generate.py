#!/usr/bin/env python3
"""Generates the demo analytics of samples/metrics/: one year (2026) of daily figures for the
four channels of an 11-person social-media team at a Latvian retail chain.

Deterministic: the same files byte for byte on every run (a fixed seed, random() only).
The figures are invented but behave like real ones: audiences grow, TikTok fastest; there are
more posts and more reach in the weeks before Jāņi (Midsummer), back to school, Black Friday
and Christmas; customer messages peak in December; the team answers faster as the year goes.

Files written:
  metrics-2026.csv        generic format, every channel, 9 metrics per day
  facebook/Views.csv      Meta Business Suite daily "Views" file (UTF-16LE, sep=,) with the
                          same facebook impressions as metrics-2026.csv
  tiktok/Overview.csv     TikTok Studio Overview.csv (UTF-8 BOM, quoted, no year in dates,
                          no final line end): video views and likes/comments/shares whose sum
                          equals the tiktok engagements of metrics-2026.csv
  tiktok/FollowerHistory.csv  TikTok Studio followers, matching metrics-2026.csv

Run: python3 samples/metrics/generate.py
"""
import datetime
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
YEAR = 2026
START = datetime.date(YEAR, 1, 1)
DAYS = 365
CHANNELS = ["instagram", "facebook", "tiktok", "linkedin"]
METRICS = ["impressions", "reach", "engagements", "clicks", "posts", "followers", "inbound",
           "replies", "response_minutes"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# Per channel: followers at the start and end of the year, impressions per follower and day,
# engagement and click rates (of impressions), customer messages per day.
PROFILE = {
    "instagram": dict(start=18400, end=23100, reach_per_follower=1.15, engagement=0.034,
                      click=0.004, inbound=45),
    "facebook": dict(start=41200, end=43600, reach_per_follower=0.42, engagement=0.016,
                     click=0.011, inbound=60),
    "tiktok": dict(start=6200, end=16300, reach_per_follower=0.72, engagement=0.052,
                   click=0.003, inbound=25),
    "linkedin": dict(start=2310, end=3120, reach_per_follower=0.55, engagement=0.027,
                     click=0.028, inbound=3),
}


def season(day: datetime.date) -> float:
    """Demand around the retail peaks of a Latvian year."""
    factor = 1.0
    if day.month == 12:
        factor *= 1.18 + 0.02 * min(day.day, 23) / 2  # the run-up to Christmas
        if day.day >= 27:
            factor *= 0.8
    if day.month == 6 and 15 <= day.day <= 24:
        factor *= 1.3  # Jāņi
    if (day.month == 8 and day.day >= 20) or (day.month == 9 and day.day <= 5):
        factor *= 1.15  # back to school
    if day.month == 11 and 23 <= day.day <= 30:
        factor *= 1.3  # Black Friday week (27 November 2026)
    if day.month == 1 and day.day <= 10:
        factor *= 0.85
    if day.month == 7:
        factor *= 0.92  # summer holidays
    return factor


def posts_on(channel: str, day: datetime.date, t: float) -> int:
    """Posting rhythm of the plan's workload: Instagram daily, Facebook on weekdays, TikTok
    four videos a week (five from the autumn), LinkedIn on Tuesdays and Thursdays; one more
    post on the peak weeks' Fridays."""
    weekday = day.weekday()  # Monday 0
    extra = 1 if season(day) > 1.1 and weekday == 4 else 0
    if channel == "instagram":
        return 1 + extra
    if channel == "facebook":
        return (1 + extra) if weekday < 5 else 0
    if channel == "tiktok":
        days = (0, 1, 3, 5, 6) if t > 0.7 else (0, 2, 4, 6)
        return 1 if weekday in days else 0
    return 1 if weekday in (1, 3) else 0  # linkedin


def main() -> None:
    rng = random.Random(YEAR)

    def noise(spread: float) -> float:
        return 1 + spread * (2 * rng.random() - 1)

    rows = []  # (date, channel, metric, value)
    facebook_views = []  # (date, impressions)
    tiktok_days = []  # (date, video views, likes, comments, shares, followers, gained)
    followers = {c: PROFILE[c]["start"] for c in CHANNELS}
    for offset in range(DAYS):
        day = START + datetime.timedelta(days=offset)
        t = offset / (DAYS - 1)
        weekend = day.weekday() >= 5
        for channel in CHANNELS:
            p = PROFILE[channel]
            target = p["start"] + (p["end"] - p["start"]) * (t ** (0.8 if channel == "tiktok" else 1.0))
            gained = max(-5, round(target - followers[channel] + 3 * (rng.random() - 0.5)))
            if offset == 0:
                gained = 0
            followers[channel] += gained
            posts = posts_on(channel, day, t)
            week_factor = (0.8 if channel == "linkedin" else 1.08) if weekend else 1.0
            impressions = round(followers[channel] * p["reach_per_follower"] * season(day) *
                                week_factor * (0.75 + 0.25 * posts) * noise(0.12))
            reach = round(impressions * (0.62 + 0.1 * rng.random()))
            engagement_rate = p["engagement"] * (0.9 + 0.25 * t) * noise(0.2)
            engagements = round(impressions * engagement_rate)
            clicks = round(impressions * p["click"] * noise(0.25))
            inbound = max(0, round(p["inbound"] * season(day) ** 1.5 *
                                   (0.7 if weekend else 1.0) * noise(0.3)))
            answered = min(0.985, 0.86 + 0.11 * t + 0.03 * (rng.random() - 0.5))
            replies = min(inbound, round(inbound * answered))
            minutes = round((95 - 58 * t) * (1.45 if weekend else 1.0) * noise(0.2))
            values = dict(impressions=impressions, reach=reach, engagements=engagements,
                          clicks=clicks, posts=posts, followers=followers[channel],
                          inbound=inbound, replies=replies, response_minutes=minutes)
            for metric in METRICS:
                rows.append((day, channel, metric, values[metric]))
            if channel == "facebook":
                facebook_views.append((day, impressions))
            if channel == "tiktok":
                video_views = round(impressions * (0.82 + 0.1 * rng.random()))
                comments = round(engagements * (0.06 + 0.03 * rng.random()))
                shares = round(engagements * (0.1 + 0.05 * rng.random()))
                likes = engagements - comments - shares
                tiktok_days.append((day, video_views, likes, comments, shares,
                                    followers[channel], gained))

    with open(HERE / "metrics-2026.csv", "w", encoding="utf-8", newline="") as out:
        out.write("date,channel,profile,metric,value\n")
        for day, channel, metric, value in rows:
            out.write(f"{day.isoformat()},{channel},,{metric},{value}\n")

    (HERE / "facebook").mkdir(exist_ok=True)
    text = 'sep=,\n"Views"\n"Date","Primary"\n'
    text += "".join(f'"{day.isoformat()}T00:00:00","{views}"\n' for day, views in facebook_views)
    (HERE / "facebook" / "Views.csv").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))

    (HERE / "tiktok").mkdir(exist_ok=True)

    def quoted(cells) -> str:
        return ",".join(f'"{cell}"' for cell in cells)

    def tiktok_date(day: datetime.date) -> str:
        return f"{MONTHS[day.month - 1]} {day.day}"

    overview = [quoted(["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"])]
    history = [quoted(["Date", "Followers", "Difference in followers from previous day"])]
    for day, views, likes, comments, shares, total, gained in tiktok_days:
        profile_views = round(views * 0.011)
        overview.append(quoted([tiktok_date(day), views, profile_views, likes, comments, shares]))
        history.append(quoted([tiktok_date(day), total, gained]))
    bom = b"\xef\xbb\xbf"
    (HERE / "tiktok" / "Overview.csv").write_bytes(bom + "\n".join(overview).encode("utf-8"))
    (HERE / "tiktok" / "FollowerHistory.csv").write_bytes(bom + "\n".join(history).encode("utf-8"))


if __name__ == "__main__":
    main()
