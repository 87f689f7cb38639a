#!/usr/bin/env bash
# Printed pages of report.pdf for a programme that is not the case study (the parks-consultation fixture), for
# docs/report/printed/. Needs the built jar (mvn -pl insight-examples -am package) and poppler-utils (pdftoppm,
# pdftotext, pdfinfo). Usage: bash docs/report/printed/make-printed.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
work=$(mktemp -d)
f=insight-examples/src/test/resources/other-programme
java -jar insight-examples/target/insight.jar report --programme $f/programme.json --data $f/survey.csv \
  --id respondent --margins $f/margins.csv \
  --priorities imp_toilets,imp_lighting,imp_play,imp_paths,imp_seating,imp_events \
  --comment remarks --codes code_safety,code_cleanliness,code_access,code_praise,code_cost \
  --group-by ward --banner ward,age_band --coded-by rules --out "$work/out" >/dev/null
pdf="$work/out/report.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
# the first page whose text starts with a heading, and the first landscape page
page_of() {
  for p in $(seq 2 "$pages"); do
    text=$(pdftotext -f "$p" -l "$p" "$pdf" -)
    if printf '%s\n' "$text" | sed -n 1,3p | grep -q "$1"; then echo "$p"; return; fi
  done
}
landscape=$(for p in $(seq 1 "$pages"); do
  pdfinfo -f "$p" -l "$p" "$pdf" | awk -v p="$p" '/^Page +[0-9]+ size:/ && $4 + 0 > $6 + 0 {print p}'
done | sed -n 1p)
shot() {
  pdftoppm -f "$1" -l "$1" -r 60 -png -singlefile "$pdf" "docs/report/printed/$2"
  echo "docs/report/printed/$2.png (page $1 of $pages)"
}
shot 1 cover
shot "$(page_of 'Survey results')" survey
shot "$landscape" banner-landscape
shot "$(page_of 'Methods')" methods
rm -rf "$work"
