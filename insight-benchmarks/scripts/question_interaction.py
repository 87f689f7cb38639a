"""The question x word interaction block, before it was built as --context (docs/BENCHMARKS.md). Usage: question_interaction.py -"""
import os
# sparse n-grams + question x word-unigram interaction block (question id prefixed to each word)
import re, sys, numpy as np
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'embeddings_choice.py')).read().split("variants = sys.argv[2].split(',')")[0])
qid = {q: i for i, q in enumerate(sorted(set(Q)))}
def qtok(i): return ['q%d|%s' % (qid[Q[i]], w) for w in re.findall(r'\w+', X[i].lower())] or ['q%d|<empty>' % qid[Q[i]]]
from sklearn.feature_extraction.text import TfidfVectorizer
start = time.time(); Pred = np.zeros_like(Y)
idx = np.arange(n)
for k in range(5):
    tr, te = fold != k, fold == k
    wv = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    cv = TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    qv = TfidfVectorizer(analyzer=lambda i: qtok(i), min_df=2, sublinear_tf=True)
    Aw = wv.fit_transform(X[tr]); Ac = cv.fit_transform(X[tr]); Aq = qv.fit_transform(idx[tr])
    Bw = wv.transform(X[te]); Bc = cv.transform(X[te]); Bq = qv.transform(idx[te])
    A = hstack([Aw, Ac, Aq]).tocsr() / np.sqrt(3); B = hstack([Bw, Bc, Bq]).tocsr() / np.sqrt(3)
    Yt = Y[tr]
    S = platt_scores(fit_svm, A, Yt); P, Poof = calibrate(S, Yt, fit_svm(A, Yt, B))
    t = global_threshold(Poof, Yt); Pred[te] = decide(P, t)
from sklearn.metrics import f1_score
print('qword: micro %.3f macro %.3f exact %.3f %.0fs' % (f1_score(Y, Pred, average='micro'),
    f1_score(Y[:, present], Pred[:, present], average='macro', zero_division=0), (Pred == Y).all(1).mean(), time.time() - start))
hdr = next(__import__('csv').reader(open(D + 'fft-multilabel-v6.csv', encoding='utf-8')))[11:]
j = hdr.index('Negative experience & dissatisfaction'); print('negative F1 %.3f' % f1_score(Y[:, j], Pred[:, j]))
