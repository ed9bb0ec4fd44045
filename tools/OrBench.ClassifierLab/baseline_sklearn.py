# Cross-check of the C# baseline (Baseline.cs) against scikit-learn itself: the issue-14 generic baseline
# (word 1-3-gram + char 3-5-gram TF-IDF, LogisticRegression defaults) on the XSTest and leave-dataset-out splits.
# Needs Debian python3-sklearn; run: /usr/bin/python3 tools/OrBench.ClassifierLab/baseline_sklearn.py
import csv, sys
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline, make_union
from sklearn.linear_model import LogisticRegression
csv.field_size_limit(10**9)
X=[]
for m in ["llama2orig","mistralinstruct"]:
    for r in csv.DictReader(open(f"/work/shared/xstest/xstest_v2_completions_{m}.csv")):
        X.append(("xstest",m,r["completion"],r["final_label"]!="1_full_compliance",r["final_label"]))
for r in csv.DictReader(open("/work/shared/gptfuzz/gptfuzz_train.csv")):
    X.append(("gptfuzz","g",r["response"],r["label"]=="0",None))
def fit(rows):
    p=make_pipeline(make_union(TfidfVectorizer(ngram_range=(1,3)),TfidfVectorizer(analyzer="char",ngram_range=(3,5))),LogisticRegression())
    p.fit([r[2] for r in rows],[r[3] for r in rows]); return p
def score(p,rows,name):
    pr=p.predict_proba([r[2] for r in rows])[:,1]
    ok=[(q>=0.5)==r[3] for q,r in zip(pr,rows)]
    cw=sum(1 for q,r in zip(pr,rows) if ((q>=0.5)!=r[3]) and max(q,1-q)>=0.9)
    clear=[o for o,r in zip(ok,rows) if r[4]!="3_partial_refusal"]
    print(f"{name}: all {100*sum(ok)/len(ok):.1f} clear {100*sum(clear)/max(1,len(clear)):.1f} n={len(ok)} cw {100*cw/len(ok):.1f}",flush=True)
for m in ["llama2orig","mistralinstruct"]:
    score(fit([r for r in X if not(r[0]=="xstest" and r[1]==m)]),[r for r in X if r[0]=="xstest" and r[1]==m],"LOMO "+m)
score(fit([r for r in X if r[0]=="xstest"]),[r for r in X if r[0]=="gptfuzz"],"xstest->gptfuzz")
score(fit([r for r in X if r[0]=="gptfuzz"]),[r for r in X if r[0]=="xstest"],"gptfuzz->xstest")
