"""Word versus embedding clusters of the single-topic NHS comments with scikit-learn k-means (docs/BENCHMARKS.md). Usage: suggestion_clusters.py EMBEDDINGS.csv (one comment per line, as embeddings_choice.py)"""
import csv, numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_rand_score as ari
from sklearn.preprocessing import normalize
rows=list(csv.reader(open('/work/shared/data/patient-feedback/fft-multilabel-v6.csv',encoding='utf-8')))
h=rows[0][11:]; body=rows[1:]
import sys
E=np.loadtxt(sys.argv[1],delimiter=',')
Y=np.array([[1 if v.strip()=='1' else 0 for v in r[11:]] for r in body])
skip={h.index('Labelling not possible'), h.index('Positive experience & gratitude'), h.index('Not assigned')}
one=[i for i in range(len(body)) if Y[i].sum()==1 and np.argmax(Y[i]) not in skip]
X=[body[i][8] for i in one]; y=[int(np.argmax(Y[i])) for i in one]
k=int(max(2,min(30,round((len(X)/2)**0.5))))
print(len(X),'single-topic comments,',len(set(y)),'codes, k =',k)
T=TfidfVectorizer(ngram_range=(1,2),min_df=2,stop_words='english',sublinear_tf=True).fit_transform(X)
for name,M in [('tfidf',T),('bge',normalize(E[one])),]:
    r=[]
    for seed in range(3):
        lab=KMeans(k,n_init=1,random_state=seed).fit_predict(M)
        r.append((nmi(y,lab),ari(y,lab)))
    r=np.array(r).mean(0); print('%s: NMI %.3f ARI %.3f'%(name,r[0],r[1]))
