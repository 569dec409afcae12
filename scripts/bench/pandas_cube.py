"""What a consultant would otherwise script (issue #6, benchmark vs pandas).

    python3 scripts/bench/pandas_cube.py <file.xlsx> [sheet=Mandats]

Reads the spend sheet with pandas.read_excel(engine="openpyxl") (header on row 1, as in the
generated benchmark files), then computes only the spend cube: sum of "Montant HT" by
family ("Code famille") x entity ("Collectivité"), and by supplier ("Fournisseur").
Amounts are coerced with pd.to_numeric(errors="coerce") (text cells become NaN, i.e. are
dropped from the sums: the minimum a script needs to not crash on a real export).
Prints one JSON line: rows, timings (read, cube, total, in seconds), cube sizes, total amount,
peak RSS (MiB, from resource.getrusage).
Run it with Debian's interpreter (/usr/bin/python3, packages python3-pandas python3-openpyxl).
"""
import json
import resource
import sys
import time

t0 = time.perf_counter()
import pandas as pd  # noqa: E402  (import time counted: it is part of what the script costs)

path = sys.argv[1]
sheet = sys.argv[2] if len(sys.argv) > 2 else "Mandats"

t_read = time.perf_counter()
df = pd.read_excel(path, sheet_name=sheet, engine="openpyxl", header=0)
read_s = time.perf_counter() - t_read

t_cube = time.perf_counter()
amount = pd.to_numeric(df["Montant HT"], errors="coerce")
df = df.assign(_ht=amount)
by_family_entity = df.groupby(["Code famille", "Collectivité"], dropna=False)["_ht"].sum()
by_supplier = df.groupby("Fournisseur", dropna=False)["_ht"].sum()
cube_s = time.perf_counter() - t_cube

print(
    json.dumps(
        {
            "rows": int(len(df)),
            "importAndReadS": round(t_cube - t0, 3),
            "readS": round(read_s, 3),
            "cubeS": round(cube_s, 3),
            "totalS": round(time.perf_counter() - t0, 3),
            "familyEntityCells": int(len(by_family_entity)),
            "suppliers": int(len(by_supplier)),
            "amountHT": round(float(amount.sum()), 2),
            "nonNumericAmounts": int(amount.isna().sum()),
            "peakRssMiB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "pandas": pd.__version__,
        }
    )
)
