"""The nearest-neighbour ensemble tried and rejected (docs/BENCHMARKS.md). Usage: embeddings_knn.py EMBEDDINGS.csv"""
import os
import re, sys, numpy as np
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'embeddings_choice.py')).read().split("variants = sys.argv[2].split(',')")[0])
from sklearn.metrics import f1_score
K = 15
def knn_probs(Etr, Ytr, Ete, loo=False):
    S = Ete @ Etr.T
    if loo: np.fill_diagonal(S, -np.inf)
    idx = np.argpartition(-S, K, axis=1)[:, :K]
    sims = np.take_along_axis(S, idx, 1); w = np.maximum(sims, 0) ** 3 + 1e-9
    P = np.einsum('nk,nkc->nc', w, Ytr[idx]) / w.sum(1, keepdims=True)
    return P
start = time.time(); Preds = {v: np.zeros_like(Y) for v in ['concat', 'avg', 'knn']}
for k in range(5):
    tr, te = fold != k, fold == k
    wv = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    cv = TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    Aw = wv.fit_transform(X[tr]); Ac = cv.fit_transform(X[tr]); Bw = wv.transform(X[te]); Bc = cv.transform(X[te])
    As = hstack([Aw, Ac]).tocsr() / np.sqrt(2); Bs = hstack([Bw, Bc]).tocsr() / np.sqrt(2)
    A = hstack([As, csr_matrix(E[tr])]).tocsr(); B = hstack([Bs, csr_matrix(E[te])]).tocsr()
    Yt = Y[tr]
    S = platt_scores(fit_svm, A, Yt); P, Poof = calibrate(S, Yt, fit_svm(A, Yt, B))
    Kte = knn_probs(E[tr], Yt, E[te]); Koof = knn_probs(E[tr], Yt, E[tr], loo=True)
    for v, (Pt, Po) in {'concat': (P, Poof), 'avg': ((P + Kte) / 2, (Poof + Koof) / 2), 'knn': (Kte, Koof)}.items():
        t = global_threshold(Po, Yt); Preds[v][te] = decide(Pt, t)
for v, Pr in Preds.items():
    print('%s: micro %.3f macro %.3f exact %.3f' % (v, f1_score(Y, Pr, average='micro'),
        f1_score(Y[:, present], Pr[:, present], average='macro', zero_division=0), (Pr == Y).all(1).mean()))
print('%.0fs' % (time.time() - start))
