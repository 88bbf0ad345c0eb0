# Loads issue 22's benchmark data into a peer FHIR server (bench/fhir-peer.sh): N synthetic patients, each with
# 20 PHQ-9 totals (LOINC 44261-6) and 20 blood-pressure panels (85354-9), one transaction Bundle per patient,
# W workers in parallel. Prints resources/s (the peer's ingest rate) and writes the server's patient ids to IDS.
# Names are obviously fictional (FAM x GIV, numbered).
import json, os, random, sys, time, urllib.request, uuid, concurrent.futures as cf
base = os.environ.get("BASE", "http://127.0.0.1:18090/fhir")
n = int(os.environ.get("N", "10000")); workers = int(os.environ.get("W", "4"))
FAM = ["Testwell","Fictiona","Samplery","Mockford","Demoson","Placeholt","Synthwick","Examplar","Nullberg","Dummett"]
GIV = ["Avery","Blake","Casey","Devon","Emery","Finley","Harper","Jordan","Kendall","Logan"]
def bundle(i):
    pid = "urn:uuid:" + str(uuid.uuid4()); entries = []
    fam = random.choice(FAM) + str(i % 97); giv = random.choice(GIV)
    entries.append({"fullUrl": pid, "resource": {"resourceType": "Patient", "name": [{"family": fam, "given": [giv]}],
        "birthDate": "19%02d-0%d-1%d" % (random.randint(40, 99), random.randint(1, 9), random.randint(0, 9)),
        "identifier": [{"system": "urn:kapclinic:bench:mrn", "value": "B%06d" % i}]}, "request": {"method": "POST", "url": "Patient"}})
    for k in range(20):
        day = "2025-%02d-%02dT10:00:00Z" % (1 + k // 2, 1 + (k % 2) * 14)
        entries.append({"resource": {"resourceType": "Observation", "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey"}]}],
            "code": {"coding": [{"system": "http://loinc.org", "code": "44261-6"}]}, "subject": {"reference": pid},
            "effectiveDateTime": day, "valueQuantity": {"value": random.randint(0, 27), "unit": "{score}", "system": "http://unitsofmeasure.org", "code": "{score}"}},
            "request": {"method": "POST", "url": "Observation"}})
        entries.append({"resource": {"resourceType": "Observation", "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
            "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]}, "subject": {"reference": pid}, "effectiveDateTime": day,
            "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": random.randint(100, 150), "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                          {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": random.randint(60, 95), "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]},
            "request": {"method": "POST", "url": "Observation"}})
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}
def post(i):
    data = json.dumps(bundle(i)).encode()
    req = urllib.request.Request(base, data=data, method="POST", headers={"Content-Type": "application/fhir+json"})
    with urllib.request.urlopen(req, timeout=300) as r:
        body = json.load(r)
    return body["entry"][0]["response"]["location"].split("/")[1]
start = time.monotonic(); ids = []
with cf.ThreadPoolExecutor(workers) as ex:
    for k, pid in enumerate(ex.map(post, range(n))):
        ids.append(pid)
        if k % 500 == 0: print(k, round(time.monotonic() - start, 1), flush=True)
el = time.monotonic() - start
print(f"RESULT hapi-load patients={n} resources={n*41} seconds={el:.1f} resources_per_s={n*41/el:.0f}")
open(os.environ.get("IDS", "/tmp/hapi-ids.txt"), "w").write("\n".join(ids))
