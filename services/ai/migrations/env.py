from services.kit.db import alembic_env
from services.ai.models import Base

alembic_env(Base.metadata)
