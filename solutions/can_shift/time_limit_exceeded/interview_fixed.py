def can_shift(A, B):
    if not A and not B:
        return True
    for i in range(len(A)):
        if A[i:] + A[:i] == B:
            return True
    return False
