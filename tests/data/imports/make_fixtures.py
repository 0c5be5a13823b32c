#!/usr/bin/env python3
"""Writes the roster and ownership-sheet fixtures of tests/e2e/test_imports_cli.cpp, byte for byte.

The rosters copy how HR systems export employee lists (header words, separators, byte-order
marks, decimal commas, percentages, statuses); the ownership sheets how people keep a RACI
matrix in a spreadsheet. Names are made up; they fit the `small-team` sample plan (roles
owner, content-creator, community; people sam, priya, tom; channels instagram, facebook).
Run from anywhere: python3 tests/data/imports/make_fixtures.py
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOM8 = b"\xef\xbb\xbf"


def write(name: str, data: bytes) -> None:
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# An HR suite's "Employee list" export: semicolons, UTF-8 with BOM (Excel "CSV UTF-8"), CRLF,
# `Employee #`, job titles as role names in another letter case, FTE as a percentage with and
# without `%` and as a decimal comma, a manager by full name and by employee number, places as
# city names in Latvian and "City, Country", a terminated employee.
write("hr/employees_semicolon.csv", BOM8 + (
    "Employee #;Full name;Job title;Department;Location;Reports to;FTE %;Employment status;Skills\r\n"
    "E-1001;Sam Taylor;OWNER;Management;London;;100%;Active;\r\n"
    "E-1002;Līga Bērziņa;Content Creator;Marketing;Rīga;Sam Taylor;80;Active;photo, video\r\n"
    "E-1003;Jānis Ozols;community (shop assistant);Marketing;Lisabona;E-1002;0,5;Active;customer_care\r\n"
    "E-1004;Eva Kalniņa;Community;Marketing;Vilnius, Lithuania;E-1001;100%;Terminated;\r\n"
    "E-1005;Open position;Content creator;Marketing;Tallinn, Estonia;Sam Taylor;50 %;Vacant;\r\n"
).encode())

# A people tool's CSV: commas, first and last name apart, `Position`, `Office`, `Supervisor`
# by employee id, weekly hours against the plan's 40-hour week.
write("hr/people_comma.csv", (
    "Employee ID,First Name,Last Name,Position,Office,Supervisor,Hours per week,Status\n"
    "101,Sam,Taylor,Owner,\"London, United Kingdom\",,40,Active\n"
    "102,Marta,Kalna,Content creator,\"Lisbon, Portugal\",101,30,Active\n"
    "103,Oskars,Liepa,Community,Berlin,102,\"20,5\",On notice\n"
).encode())

# A Latvian payroll export: headers in Latvian (mapped with --columns), Windows line ends.
latvian_header = "Vārds;Uzvārds;Amats;Slodze;Pilsēta;Vadītājs;Statuss\r\n"
write("hr/darbinieki.csv", BOM8 + (
    latvian_header +
    "Māris;Kalns;Content creator;1;Rīga;Sam Taylor;Active\r\n"
    "Anna;Liepa;community;0,75;Tartu, Igaunija;Māris Kalns;Active\r\n"
).encode())
# The next month's file: same headers, a change of FTE.
write("hr/darbinieki_next.csv", BOM8 + (
    latvian_header +
    "Māris;Kalns;Content creator;0,8;Rīga;Sam Taylor;Active\r\n"
    "Anna;Liepa;community;0,75;Tartu, Igaunija;Māris Kalns;Active\r\n"
).encode())

# Mistakes as they happen: a letter O for a zero, an unknown job title, a city that is not
# one, a manager nobody is called.
write("hr/mistakes.csv", (
    "Employee ID,Full name,Job title,FTE %,Location,Manager\n"
    "201,Ilze Zariņa,Content creator,1OO,Rīga,Sam Taylor\n"
    "202,Pēteris Kļaviņš,Paid Social Specialist,80%,Texas,Nobody Here\n"
).encode())

# Ownership sheets. One column names channel and duty; cells R, A, C, I, B and shares.
write("raci/ownership.csv", (
    "Duty,Sam Taylor,Priya Shah,Tom Hughes\n"
    "Instagram: Community management,A,B,R\n"
    "Facebook: Community management,A,R 40%,R 60%\n"
    "Instagram: Content creation,A,R,C\n"
    "Facebook: Scheduling and publishing,A / I,R,\n"
).encode())
# Channel and duty in two columns, semicolons, duty ids.
write("raci/ownership_two_columns.csv", (
    "Channel;Duty;sam;priya;tom\n"
    "facebook;engage;A;R;B\n"
).encode())
write("raci/ownership_mistakes.csv", (
    "Duty,Sam Taylor,Priya Shah,Nobody\n"
    "Instagram: Community managment,A,R,\n"
    "TikTok: Content creation,A,R 150%,\n"
    "Facebook: Community management,X,R,\n"
).encode())
