"""Writes the parks-consultation fixture (survey.csv, margins.csv) deterministically: python3 generate.py"""
import csv
import random

rng = random.Random(20250301)
WARDS = ["Northgate", "Riverside", "Hillcrest"]
WARD_P = [0.45, 0.35, 0.20]
AGES = ["18-34", "35-54", "55+"]
AGE_P = [0.2, 0.35, 0.45]
VISITS = ["Weekly or more", "Monthly", "Rarely or never"]
IMPROVE = ["imp_toilets", "imp_lighting", "imp_play", "imp_paths", "imp_seating", "imp_events"]
CODES = ["code_safety", "code_cleanliness", "code_access", "code_praise", "code_cost"]
COMMENTS = {
    "code_safety": ["The underpass by the lake feels unsafe after dark.", "Better lighting on the river path please.",
                    "I stopped walking there in winter because it is so dark."],
    "code_cleanliness": ["Bins overflow every weekend in summer.", "Dog mess on the paths is a real problem.",
                         "Litter picking should happen more often near the car park."],
    "code_access": ["The gate at Mill Lane is too narrow for my wheelchair.", "No step-free route to the bandstand.",
                    "Buses do not stop anywhere near the country park."],
    "code_praise": ["The new play area is brilliant, thank you.", "The gardeners keep the flower beds lovely.",
                    "The parks were a lifeline for us during lockdown."],
    "code_cost": ["Parking charges put families off visiting.", "Keep the cafe prices reasonable."],
}
rows = []
for i in range(1, 421):
    ward = rng.choices(WARDS, WARD_P)[0]
    age = rng.choices(AGES, AGE_P)[0]
    visits = rng.choices(VISITS, [0.45, 0.35, 0.20])[0]
    row = {"respondent": f"R{i:04d}", "ward": ward, "age_band": age, "visits": visits}
    for j, col in enumerate(IMPROVE):
        p = [0.55, 0.40, 0.30 if age != "18-34" else 0.5, 0.35, 0.25, 0.15][j]
        row[col] = 1 if rng.random() < p else 0
    commented = rng.random() < 0.45
    for col in CODES:
        row[col] = ""
    row["remarks"] = ""
    if commented:
        chosen = [c for c, p in zip(CODES, [0.35, 0.3, 0.2, 0.3, 0.1]) if rng.random() < p] or ["code_praise"]
        texts = [rng.choice(COMMENTS[c]) for c in chosen]
        if i == 37:
            texts.append("Email me at pat.jones@example.net about the bins.")
        row["remarks"] = " ".join(texts)
        for col in CODES:
            row[col] = 1 if col in chosen else 0
    rows.append(row)
with open("survey.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["respondent", "ward", "age_band", "visits"] + IMPROVE + ["remarks"] + CODES,
                       lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
with open("margins.csv", "w", newline="") as f:
    f.write("variable,category,target\n")
    for ward, t in zip(WARDS, [21000, 23500, 18500]):
        f.write(f"ward,{ward},{t}\n")
    for age, t in zip(AGES, [19000, 22000, 22000]):
        f.write(f"age_band,{age},{t}\n")
